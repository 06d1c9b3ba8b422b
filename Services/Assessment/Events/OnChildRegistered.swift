import AssessmentDomain
import GRDB
import ShouhuEvents
import ShouhuStore

/// `child.registered`: merges the registration into the child's projection. A registration for
/// a village outside this county can never apply and is dead-lettered.
enum OnChildRegistered {
    static func handle(_ db: Database, _ envelope: Envelope<ChildRegistered>) throws {
        let event = envelope.payload
        try ChildCountyCheck.require(event.villageCode, in: envelope.county, childId: event.childId)
        let stamp = EventStamp(occurredAt: envelope.occurredAt, id: envelope.id)
        try ChildProjection.update(db, childId: event.childId) { $0.apply(event, stamp: stamp) }
    }
}
