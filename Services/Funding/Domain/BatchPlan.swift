public import ShouhuEvents

/// The draft of a batch for one period: who is paid how much and why, who is left out and why,
/// and how many were not considered.
public struct BatchPlan: Sendable, Hashable {
    /// One child the batch pays.
    public struct Line: Sendable, Hashable {
        public var childId: String
        public var amountFen: Int64
        /// The stage that priced the line.
        public var stage: SchoolStage
        /// The enabled rules the child meets.
        public var rules: [EligibilityRule]
    }

    /// One child left out, with the reason.
    public struct Exclusion: Sendable, Hashable {
        public var childId: String
        public var reason: ExclusionReason
    }

    /// The period.
    public var period: DisbursementPeriod
    /// The children paid, in the order the budget was spent (key tier first, then by id).
    public var lines: [Line]
    /// The children left out, by id.
    public var exclusions: [Exclusion]
    /// How many children were not considered, per reason.
    public var notConsidered: [NotCandidateReason: Int]
    /// What paying every entitled child would cost, before any budget cut.
    public var requiredFen: Int64

    /// What the batch pays.
    public var totalFen: Int64 { lines.reduce(0) { $0 + $1.amountFen } }
}

/// The budget would not cover the batch: the figures an officer needs to decide.
public struct BudgetShortfall: Error, Sendable, Hashable {
    /// The budget year.
    public var year: Int
    /// What the batch needs.
    public var requiredFen: Int64
    /// What is left of the year's budget once paid and committed money is counted.
    public var remainingFen: Int64
    /// The year's budget.
    public var budgetFen: Int64

    /// Makes a shortfall report.
    public init(year: Int, requiredFen: Int64, remainingFen: Int64, budgetFen: Int64) {
        self.year = year
        self.requiredFen = requiredFen
        self.remainingFen = remainingFen
        self.budgetFen = budgetFen
    }
}

/// Works out batches (发放批次) from the children the service knows.
public enum BatchPlanner {
    /// One child as the planner sees it.
    public struct Candidate: Sendable {
        public var child: FundingChild
        public var standing: Entitlement.Standing

        /// Pairs a child with its standing.
        public init(child: FundingChild, standing: Entitlement.Standing) {
            self.child = child
            self.standing = standing
        }
    }

    /// Plans a batch for `period` on `day`.
    ///
    /// - Parameters:
    ///   - budget: the year's standing; the batch may spend at most its `leftFen`.
    ///   - fitToBudget: when the entitled children cost more than is left, include them in order
    ///     (key tier first, then by child id) while the money lasts and exclude the rest as
    ///     `over_budget`; when false the whole batch is refused.
    /// - Throws: `BudgetShortfall` when the batch does not fit and `fitToBudget` is false.
    public static func plan(
        period: DisbursementPeriod, on day: CalendarDate, candidates: [Candidate], policy: FundingPolicy,
        budget: BudgetStatus, fitToBudget: Bool
    ) throws(BudgetShortfall) -> BatchPlan {
        var entitled: [(line: BatchPlan.Line, key: Bool)] = []
        var exclusions: [BatchPlan.Exclusion] = []
        var notConsidered: [NotCandidateReason: Int] = [:]
        for candidate in candidates {
            switch Entitlement.decide(candidate.child, period: period, on: day, standing: candidate.standing, policy: policy) {
            case .notCandidate(let reason):
                notConsidered[reason, default: 0] += 1
            case .excluded(let reason):
                exclusions.append(.init(childId: candidate.child.childId, reason: reason))
            case .included(let amount, let rules):
                let line = BatchPlan.Line(
                    childId: candidate.child.childId, amountFen: amount, stage: candidate.child.schoolStage!, rules: rules)
                entitled.append((line, candidate.child.tier == .key))
            }
        }
        entitled.sort { ($0.key ? 0 : 1, $0.line.childId) < ($1.key ? 0 : 1, $1.line.childId) }
        let required = entitled.reduce(Int64(0)) { $0 + $1.line.amountFen }
        let left = max(0, budget.leftFen)
        if required > left && !fitToBudget {
            throw BudgetShortfall(year: budget.year, requiredFen: required, remainingFen: budget.leftFen, budgetFen: budget.budgetFen)
        }
        var lines: [BatchPlan.Line] = []
        var spent: Int64 = 0
        var budgetRanOut = false
        for (line, _) in entitled {
            if !budgetRanOut && spent + line.amountFen <= left {
                lines.append(line)
                spent += line.amountFen
            } else {
                budgetRanOut = true
                exclusions.append(.init(childId: line.childId, reason: .overBudget))
            }
        }
        exclusions.sort { $0.childId < $1.childId }
        return BatchPlan(period: period, lines: lines, exclusions: exclusions, notConsidered: notConsidered, requiredFen: required)
    }
}
