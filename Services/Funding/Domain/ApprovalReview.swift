public import ShouhuEvents

/// The second officer's check of a draft (四眼原则, domain.md: "the creator of a batch never
/// approves it"): who may approve, and which lines still stand on the approval day.
public enum ApprovalReview {
    /// The officer who drafted a batch tried to approve it.
    public struct SameOfficer: Error, Sendable, Hashable {
        /// The officer (token subject) who did both.
        public var officer: String

        /// Makes the refusal.
        public init(officer: String) {
            self.officer = officer
        }
    }

    /// Refuses an approval by the batch's own creator.
    /// - Throws: `SameOfficer` when `approver` is `creator` (compared exactly, as token subjects).
    public static func checkFourEyes(creator: String, approver: String) throws(SameOfficer) {
        if creator == approver { throw SameOfficer(officer: approver) }
    }

    /// One drafted line as it is at approval.
    public struct DraftLine: Sendable {
        public var child: FundingChild
        public var draftedAmountFen: Int64
        public var hasAccount: Bool

        /// Makes a line to review.
        public init(child: FundingChild, draftedAmountFen: Int64, hasAccount: Bool) {
            self.child = child
            self.draftedAmountFen = draftedAmountFen
            self.hasAccount = hasAccount
        }
    }

    /// Checks a drafted line again on the approval day; nil when it stands, else why it drops
    /// out. The line's own batch holds the child's place for the period, so "in another batch"
    /// and "already paid" cannot arise here (the store's unique indexes keep it so).
    public static func dropReason(
        _ line: DraftLine, period: DisbursementPeriod, on day: CalendarDate, policy: FundingPolicy
    ) -> ExclusionReason? {
        switch Entitlement.decide(line.child, period: period, on: day, standing: .init(hasAccount: line.hasAccount), policy: policy) {
        case .included(let amount, _):
            return amount == line.draftedAmountFen ? nil : .standardChanged
        case .excluded(let reason):
            return reason
        case .notCandidate(.stageNotPaid):
            return .standardChanged
        case .notCandidate:
            return .noLongerEligible
        }
    }
}
