import AssessmentDomain
import Foundation
import GRDB
import ShouhuEvents
import ShouhuStore

/// `child.registered`: merges the registration into the child's projection. A registration for
/// a village outside this county can never apply and is dead-lettered.
enum OnChildRegistered {
    static func handle(_ db: Database, _ envelope: Envelope<ChildRegistered>) throws {
        try handle(db, envelope, notices: nil, now: envelope.occurredAt)
    }

    /// Also sends, at once, the reassessment notice of any incident reported before the child
    /// was registered (a visit that arrived first).
    static func handle(
        _ db: Database, _ envelope: Envelope<ChildRegistered>, notices: ReassessmentNotices?, now: Date
    ) throws {
        let event = envelope.payload
        try ChildCountyCheck.require(event.villageCode, in: envelope.county, childId: event.childId)
        let stamp = EventStamp(occurredAt: envelope.occurredAt, id: envelope.id)
        try ChildProjection.update(db, childId: event.childId) { $0.apply(event, stamp: stamp) }
        _ = try notices?.incidents(db, now: now, childId: event.childId)
    }
}
