import FundingDomain
import GRDB
import ShouhuEvents

/// `assessment.recorded`: the latest assessment's tier, for the key-tier rule.
enum OnAssessmentRecorded {
    static func handle(_ db: Database, _ envelope: Envelope<AssessmentRecorded>) throws {
        try ChildProjection.update(db, childId: envelope.payload.childId) {
            $0.apply(envelope.payload, at: envelope.occurredAt.milliseconds)
        }
    }
}
