import AssessmentDomain
import GRDB
import ShouhuEvents
import ShouhuStore

/// `child.updated`: merges the changed fields into the child's projection, whether or not the
/// registration has arrived yet (the fields it carries are newer than the registration's).
enum OnChildUpdated {
    static func handle(_ db: Database, _ envelope: Envelope<ChildUpdated>) throws {
        let event = envelope.payload
        if let villageCode = event.villageCode {
            try ChildCountyCheck.require(villageCode, in: envelope.county, childId: event.childId)
        }
        let stamp = EventStamp(occurredAt: envelope.occurredAt, id: envelope.id)
        try ChildProjection.update(db, childId: event.childId) { $0.apply(event, stamp: stamp) }
    }
}
