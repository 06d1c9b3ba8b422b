/// The county's subsidy policy (救助基金政策): the standards, which rules make a child eligible,
/// the age limit, and the fund's budget per year. Every figure is a county setting; the
/// defaults are the seed's.
public struct FundingPolicy: Sendable, Hashable {
    /// What each stage is paid per period.
    public var standards: SubsidyStandards
    /// The eligibility rules switched on. The seed's are single-parent and parent disabled or
    /// ill; minimum allowance and key tier are off until the county turns them on.
    public var rules: Set<EligibilityRule>
    /// A pupil (any stage below university) this old or older on the decision day has aged out.
    /// University students are not held to it: the university standard exists for students who
    /// are mostly past 18, and intake's `child.exited` ends their support when the county says.
    public var ageLimit: Int
    /// The fund's budget for a year with no figure of its own, in fen. Default 250,000 yuan, the
    /// year's total of the seed's county ("全年发放救助金25万元").
    public var defaultBudgetFen: Int64
    /// Budgets for particular years, in fen.
    public var budgetFenByYear: [Int: Int64]

    /// The seed's rules.
    public static let seedRules: Set<EligibilityRule> = [.singleParent, .parentDisabledOrIll]

    /// Makes a policy; every argument defaults to the seed's.
    public init(
        standards: SubsidyStandards = .seed, rules: Set<EligibilityRule> = FundingPolicy.seedRules,
        ageLimit: Int = 18, defaultBudgetFen: Int64 = 25_000_000, budgetFenByYear: [Int: Int64] = [:]
    ) {
        self.standards = standards
        self.rules = rules
        self.ageLimit = ageLimit
        self.defaultBudgetFen = defaultBudgetFen
        self.budgetFenByYear = budgetFenByYear
    }

    /// The budget of one year, in fen.
    public func budgetFen(year: Int) -> Int64 {
        budgetFenByYear[year] ?? defaultBudgetFen
    }

    /// What is wrong with the policy, for the start-up log; empty when usable.
    public var problems: [String] {
        var problems = standards.problems
        if !(1...30).contains(ageLimit) { problems.append("The age limit must be 1 to 30 years; it is \(ageLimit).") }
        if defaultBudgetFen < 0 { problems.append("The yearly budget must not be negative.") }
        for (year, fen) in budgetFenByYear where fen < 0 {
            problems.append("The budget of \(year) must not be negative.")
        }
        return problems
    }
}
