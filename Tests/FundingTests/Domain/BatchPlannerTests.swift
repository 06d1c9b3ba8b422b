import FundingDomain
import ShouhuEvents
import Testing

@Suite("Batch planning and the budget edge")
struct BatchPlannerTests {
    static let candidates = (1...4).map {
        BatchPlanner.Candidate(child: FundingFixtures.child($0, tier: $0 == 4 ? .key : nil), standing: .init(hasAccount: true))
    }

    static func plan(left: Int64, fit: Bool = false) throws(BudgetShortfall) -> BatchPlan {
        try BatchPlanner.plan(period: FundingFixtures.autumn, on: FundingFixtures.today, candidates: candidates,
                              policy: FundingPolicy(), budget: FundingFixtures.budget(leftFen: left), fitToBudget: fit)
    }

    @Test("a batch that uses exactly what is left is drafted")
    func exactlyTheBudget() throws {
        let plan = try Self.plan(left: 200_000)
        #expect(plan.lines.count == 4)
        #expect(plan.totalFen == 200_000)
        #expect(plan.exclusions.isEmpty)
    }

    @Test("one fen short refuses the whole batch with the figures")
    func oneFenShort() {
        #expect(throws: BudgetShortfall(year: 2026, requiredFen: 200_000, remainingFen: 199_999, budgetFen: 199_999)) {
            try Self.plan(left: 199_999)
        }
    }

    @Test("fitting to the budget pays the key tier first, then by id, and excludes the rest as over budget")
    func fitToBudget() throws {
        let plan = try Self.plan(left: 100_000, fit: true)
        #expect(plan.lines.map(\.childId) == [FundingFixtures.childId(4), FundingFixtures.childId(1)])
        #expect(plan.exclusions.map(\.reason) == [.overBudget, .overBudget])
        #expect(plan.requiredFen == 200_000)
        #expect(plan.totalFen == 100_000)
    }

    @Test("money already paid or committed this year counts against the budget")
    func committedCounts() {
        let budget = BudgetStatus(year: 2026, budgetFen: 300_000, paidFen: 60_000, committedFen: 40_001)
        #expect(budget.leftFen == 199_999)
        #expect(throws: BudgetShortfall.self) {
            try BatchPlanner.plan(period: FundingFixtures.autumn, on: FundingFixtures.today, candidates: Self.candidates,
                                  policy: FundingPolicy(), budget: budget, fitToBudget: false)
        }
    }

    @Test("children already paid or in another live batch are excluded with that reason, not paid again")
    func noDoublePay() throws {
        let candidates = [
            BatchPlanner.Candidate(child: FundingFixtures.child(1), standing: .init(hasAccount: true, alreadyPaid: true)),
            BatchPlanner.Candidate(child: FundingFixtures.child(2), standing: .init(hasAccount: true, inAnotherBatch: true)),
            BatchPlanner.Candidate(child: FundingFixtures.child(3), standing: .init(hasAccount: false)),
            BatchPlanner.Candidate(child: FundingFixtures.child(5, flags: []), standing: .init(hasAccount: true)),
        ]
        let plan = try BatchPlanner.plan(period: FundingFixtures.autumn, on: FundingFixtures.today, candidates: candidates,
                                         policy: FundingPolicy(), budget: FundingFixtures.budget(leftFen: 1_000_000), fitToBudget: false)
        #expect(plan.lines.isEmpty)
        #expect(plan.exclusions.map(\.reason) == [.alreadyPaid, .inAnotherBatch, .noAccount])
        #expect(plan.notConsidered == [.noRuleMet: 1])
    }
}
