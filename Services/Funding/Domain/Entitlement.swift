public import ShouhuEvents

/// What one child is owed for one period, decided on one day (the draft's or the approval's).
public enum Entitlement: Sendable, Hashable {
    /// Not considered: the child does not fall under this period or any enabled rule.
    case notCandidate(NotCandidateReason)
    /// Meets the rules, but left out for a reason an officer should see.
    case excluded(ExclusionReason)
    /// Owed `amountFen` because of `rules` (each enabled rule the child meets).
    case included(amountFen: Int64, rules: [EligibilityRule])

    /// What the funding service knows about the child's payments besides the child itself.
    public struct Standing: Sendable, Hashable {
        /// Whether a payee account is on file.
        public var hasAccount: Bool
        /// Whether the child was already paid for the period.
        public var alreadyPaid: Bool
        /// Whether the child is in another live batch for the period.
        public var inAnotherBatch: Bool

        /// Makes a standing.
        public init(hasAccount: Bool, alreadyPaid: Bool = false, inAnotherBatch: Bool = false) {
            self.hasAccount = hasAccount
            self.alreadyPaid = alreadyPaid
            self.inAnotherBatch = inAnotherBatch
        }
    }

    /// The enabled rules a child meets, in the order of `EligibilityRule.allCases`.
    public static func rulesMet(by child: FundingChild, policy: FundingPolicy) -> [EligibilityRule] {
        EligibilityRule.allCases.filter { rule in
            guard policy.rules.contains(rule) else { return false }
            switch rule {
            case .singleParent: return child.familyFlags.contains(.singleParent)
            case .parentDisabledOrIll: return child.familyFlags.contains(.parentDisabledOrIll) || child.hasIncapableParent
            case .minimumAllowance: return child.familyFlags.contains(.minimumAllowance)
            case .keyTier: return child.tier == .key
            }
        }
    }

    /// Whether the child has reached the age limit on `day` (university students are exempt).
    public static func hasAgedOut(_ child: FundingChild, on day: CalendarDate, policy: FundingPolicy) -> Bool {
        guard let birthDate = child.birthDate, child.schoolStage != .university else { return false }
        return birthDate.age(on: day) >= policy.ageLimit
    }

    /// Decides one child's entitlement for `period` on `day`.
    ///
    /// The checks run in a fixed order so each child gets the one reason an officer can act on:
    /// first whether the child falls under the period and a rule at all, then exit, age, a
    /// payment already made, another live batch, and last the payee account.
    public static func decide(
        _ child: FundingChild, period: DisbursementPeriod, on day: CalendarDate, standing: Standing,
        policy: FundingPolicy
    ) -> Entitlement {
        guard child.isRegistered, let stage = child.schoolStage else { return .notCandidate(.notRegistered) }
        guard let amount = policy.standards.amountFen(for: stage, kind: period.kind) else {
            return .notCandidate(.stageNotPaid)
        }
        if let registeredOn = child.registeredOn, registeredOn > period.lastDay {
            return .notCandidate(.registeredAfterPeriod)
        }
        let rules = rulesMet(by: child, policy: policy)
        guard !rules.isEmpty else { return .notCandidate(.noRuleMet) }
        if let exitedOn = child.exitedOn, exitedOn <= day { return .excluded(.exited) }
        if hasAgedOut(child, on: day, policy: policy) { return .excluded(.agedOut) }
        if standing.alreadyPaid { return .excluded(.alreadyPaid) }
        if standing.inAnotherBatch { return .excluded(.inAnotherBatch) }
        if !standing.hasAccount { return .excluded(.noAccount) }
        return .included(amountFen: amount, rules: rules)
    }
}
