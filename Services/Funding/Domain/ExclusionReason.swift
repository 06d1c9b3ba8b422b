/// Why a child who meets an eligibility rule is left out of a batch, or drops out of it when a
/// second officer approves it.
public enum ExclusionReason: String, Codable, Sendable, CaseIterable, Hashable {
    /// The child left the programme (退出) on or before the decision day.
    case exited
    /// The child reached the age limit (below university).
    case agedOut = "aged_out"
    /// No payee account has been entered.
    case noAccount = "no_account"
    /// The child was already paid for this period.
    case alreadyPaid = "already_paid"
    /// The child is in another live batch for this period (a draft, or approved and not failed).
    case inAnotherBatch = "in_another_batch"
    /// Paying the child would take the year past its budget.
    case overBudget = "over_budget"
    /// At approval: no enabled rule covers the child any more (family circumstances changed,
    /// or a rule was switched off).
    case noLongerEligible = "no_longer_eligible"
    /// At approval: the child's stage now carries a different standard; a later batch pays the
    /// new amount.
    case standardChanged = "standard_changed"
}

/// Why a child is not considered for a period at all (counted, not listed).
public enum NotCandidateReason: String, Codable, Sendable, CaseIterable, Hashable {
    /// Only an update arrived so far; the registration has not.
    case notRegistered = "not_registered"
    /// The stage is not paid by this kind of period (pupils by semester, students by month),
    /// or not at all (preschool, out of school).
    case stageNotPaid = "stage_not_paid"
    /// Registered after the period ended.
    case registeredAfterPeriod = "registered_after_period"
    /// No enabled eligibility rule covers the child.
    case noRuleMet = "no_rule_met"
}
