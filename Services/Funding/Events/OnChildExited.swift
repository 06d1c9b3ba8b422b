import FundingDomain
import GRDB
import ShouhuEvents

/// `child.exited`: the child is no longer paid from the exit day on; a draft that includes the
/// child drops the line when it is approved.
enum OnChildExited {
    static func handle(_ db: Database, _ envelope: Envelope<ChildExited>) throws {
        try ChildProjection.update(db, childId: envelope.payload.childId) { $0.apply(envelope.payload) }
    }
}
