import AssessmentDomain
import GRDB
import ShouhuEvents
import ShouhuStore

/// `child.exited`: marks the child as having left the programme. From then on the child is not
/// reminded, counted as due, or assessed; the history stays.
enum OnChildExited {
    static func handle(_ db: Database, _ envelope: Envelope<ChildExited>) throws {
        let event = envelope.payload
        let stamp = EventStamp(occurredAt: envelope.occurredAt, id: envelope.id)
        try ChildProjection.update(db, childId: event.childId) { $0.apply(event, stamp: stamp) }
    }
}
