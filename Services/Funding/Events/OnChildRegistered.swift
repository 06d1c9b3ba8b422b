import FundingDomain
import GRDB
import ShouhuEvents

/// `child.registered`: the child enters the projection (or a child first seen in an update is
/// completed, older fields giving way to newer ones).
enum OnChildRegistered {
    static func handle(_ db: Database, _ envelope: Envelope<ChildRegistered>) throws {
        try ChildProjection.update(db, childId: envelope.payload.childId) {
            $0.apply(envelope.payload, at: envelope.occurredAt.milliseconds)
        }
    }
}
