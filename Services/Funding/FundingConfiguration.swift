import FundingDomain
import ShouhuService

/// The funding service's own settings, read once at start (all `SHOUHU_FUNDING_*`):
///
/// | variable | default | meaning |
/// | --- | --- | --- |
/// | `SHOUHU_FUNDING_PRIMARY_FEN` | 50000 | primary school, per semester |
/// | `SHOUHU_FUNDING_JUNIOR_HIGH_FEN` | 80000 | junior high, per semester |
/// | `SHOUHU_FUNDING_SENIOR_HIGH_FEN` | 130000 | senior high, per semester |
/// | `SHOUHU_FUNDING_VOCATIONAL_FEN` | the senior high figure | vocational, per semester |
/// | `SHOUHU_FUNDING_UNIVERSITY_MONTH_FEN` | 40000 | university, per month |
/// | `SHOUHU_FUNDING_RULE_SINGLE_PARENT` | true | single-parent families qualify |
/// | `SHOUHU_FUNDING_RULE_PARENT_DISABLED_OR_ILL` | true | a parent disabled or seriously ill qualifies |
/// | `SHOUHU_FUNDING_RULE_MINIMUM_ALLOWANCE` | false | minimum-allowance households qualify |
/// | `SHOUHU_FUNDING_RULE_KEY_TIER` | false | key-tier children qualify |
/// | `SHOUHU_FUNDING_AGE_LIMIT` | 18 | pupils this old on the decision day have aged out |
/// | `SHOUHU_FUNDING_BUDGET_FEN` | 25000000 | the fund's budget for a year without its own figure |
/// | `SHOUHU_FUNDING_BUDGET_FEN_<YYYY>` | — | the budget of year YYYY (2000–2099) |
/// | `SHOUHU_FUNDING_ADVANCE_DAYS` | 31 | how many days before a period starts a batch may be drafted |
/// | `SHOUHU_FUNDING_DEBTOR_NAME` | — | the fund's account holder, in payment files |
/// | `SHOUHU_FUNDING_DEBTOR_ACCOUNT` | — | the fund's account number |
/// | `SHOUHU_FUNDING_DEBTOR_BANK` | — | its bank's name |
/// | `SHOUHU_FUNDING_DEBTOR_BIC` | — | its bank's BIC, if any |
/// | `SHOUHU_FUNDING_DEBTOR_CNAPS` | — | its branch's CNAPS code (联行号) |
/// | `SHOUHU_FUNDING_RESULTS_MAX_BYTES` | 64 MiB | the largest bank results file `POST /batches/{id}/results` takes |
///
/// Without a debtor name and account, batches can be drafted and approved but no payment file
/// is written (422 `debtor_not_configured`): the fund's account is never guessed.
struct FundingConfiguration: Sendable {
    var policy: FundingPolicy
    var debtor: PaymentOrder.Debtor?
    var advanceDays: Int
    var county: String
    /// The largest bank results file taken. A county's pain.002 runs to about 600 bytes a
    /// payment (30 MB for 50,000 children), so the 1 MiB limit of JSON bodies does not apply.
    var resultsMaxBytes: Int

    init(settings: Settings) throws {
        county = settings.county
        func fen(_ name: String, _ fallback: Int) throws -> Int64 {
            Int64(try settings.int(name, default: fallback, range: 1...100_000_000))
        }
        let senior = try fen("SHOUHU_FUNDING_SENIOR_HIGH_FEN", 130_000)
        let standards = SubsidyStandards(
            primarySemesterFen: try fen("SHOUHU_FUNDING_PRIMARY_FEN", 50_000),
            juniorHighSemesterFen: try fen("SHOUHU_FUNDING_JUNIOR_HIGH_FEN", 80_000),
            seniorHighSemesterFen: senior,
            vocationalSemesterFen: try fen("SHOUHU_FUNDING_VOCATIONAL_FEN", Int(senior)),
            universityMonthFen: try fen("SHOUHU_FUNDING_UNIVERSITY_MONTH_FEN", 40_000))
        var rules = Set<EligibilityRule>()
        let switches: [(EligibilityRule, String)] = [
            (.singleParent, "SHOUHU_FUNDING_RULE_SINGLE_PARENT"),
            (.parentDisabledOrIll, "SHOUHU_FUNDING_RULE_PARENT_DISABLED_OR_ILL"),
            (.minimumAllowance, "SHOUHU_FUNDING_RULE_MINIMUM_ALLOWANCE"),
            (.keyTier, "SHOUHU_FUNDING_RULE_KEY_TIER"),
        ]
        for (rule, name) in switches where try settings.bool(name, default: FundingPolicy.seedRules.contains(rule)) {
            rules.insert(rule)
        }
        var budgets: [Int: Int64] = [:]
        let prefix = "SHOUHU_FUNDING_BUDGET_FEN_"
        for name in settings.environment.keys where name.hasPrefix(prefix) {
            guard let year = Int(name.dropFirst(prefix.count)), (2000...2099).contains(year) else {
                throw SettingsError(variable: name, reason: "the suffix must be a year from 2000 to 2099")
            }
            budgets[year] = Int64(try settings.int(name, default: 0, range: 0...Int(Int32.max) * 1000))
        }
        policy = FundingPolicy(
            standards: standards, rules: rules,
            ageLimit: try settings.int("SHOUHU_FUNDING_AGE_LIMIT", default: 18, range: 1...30),
            defaultBudgetFen: Int64(try settings.int("SHOUHU_FUNDING_BUDGET_FEN", default: 25_000_000, range: 0...Int(Int32.max) * 1000)),
            budgetFenByYear: budgets)
        advanceDays = try settings.int("SHOUHU_FUNDING_ADVANCE_DAYS", default: 31, range: 0...366)
        resultsMaxBytes = try settings.int("SHOUHU_FUNDING_RESULTS_MAX_BYTES", default: 64 << 20, range: 1024...(1 << 30))
        if let name = settings.string("SHOUHU_FUNDING_DEBTOR_NAME"), let account = settings.string("SHOUHU_FUNDING_DEBTOR_ACCOUNT") {
            guard let normalized = AccountNumber.normalized(account) else {
                throw SettingsError(variable: "SHOUHU_FUNDING_DEBTOR_ACCOUNT", reason: "must be 8 to 30 digits")
            }
            debtor = PaymentOrder.Debtor(
                name: name, account: normalized, bankName: settings.string("SHOUHU_FUNDING_DEBTOR_BANK"),
                bankBIC: settings.string("SHOUHU_FUNDING_DEBTOR_BIC"), bankCode: settings.string("SHOUHU_FUNDING_DEBTOR_CNAPS"))
        } else {
            debtor = nil
        }
    }
}
