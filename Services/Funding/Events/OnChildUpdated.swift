import FundingDomain
import GRDB
import ShouhuEvents

/// `child.updated`: the fields it lists change, unless a newer event already set them. An update
/// before the registration is kept; the child stays out of batches until registered.
enum OnChildUpdated {
    static func handle(_ db: Database, _ envelope: Envelope<ChildUpdated>) throws {
        try ChildProjection.update(db, childId: envelope.payload.childId) {
            $0.apply(envelope.payload, at: envelope.occurredAt.milliseconds)
        }
    }
}
