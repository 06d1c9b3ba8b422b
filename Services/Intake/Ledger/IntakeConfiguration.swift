import Foundation
import IntakeDomain
import ShouhuEvents
import ShouhuService

/// Intake's own settings, read once at start from the environment next to the contract's.
///
/// | variable | default | meaning |
/// | --- | --- | --- |
/// | `SHOUHU_INTAKE_AGE_LIMIT` | 18 | a child counts while younger (seed 000 篇二: 未满18岁; 2016: 16) |
/// | `SHOUHU_INTAKE_MONTHS_AWAY` | 3 | calendar months a parent must be away |
/// | `SHOUHU_INTAKE_ONE_PARENT_RULE` | true | one parent away and the other disabled or ill counts |
/// | `SHOUHU_INTAKE_DECEASED_COUNTS` | false | under that rule, a deceased parent counts as incapable |
/// | `SHOUHU_INTAKE_SURVEY_DATE` | none | a survey round's fixed reference date (统计时点) |
/// | `SHOUHU_INTAKE_SURVEY_YEAR` | the county's current year | the year whose survey deadlines the summary follows |
/// | `SHOUHU_INTAKE_VILLAGES_FILE` | none | an operator's village list (`code,name[,townshipCode]`) loaded at start |
/// | `SHOUHU_INTAKE_IMPORT_MAX_BYTES` | 64 MiB | the largest ledger file `POST /imports` takes |
/// | `SHOUHU_INTAKE_SWEEP_SECONDS` | 3600 | how often the aged-out sweep looks (it acts once per child) |
struct IntakeConfiguration: Sendable {
    var policy: LeftBehindPolicy
    var surveyYear: Int?
    var villagesFile: String?
    var importMaxBytes: Int
    var sweepInterval: TimeInterval
    /// What could not be read; the service then refuses writes and says why.
    var problems: [String]

    init(settings: Settings) {
        var problems: [String] = []
        func read<T>(_ fallback: T, _ body: () throws -> T) -> T {
            do { return try body() } catch {
                problems.append("\(error)")
                return fallback
            }
        }
        var policy = LeftBehindPolicy.countyDefault
        policy.ageLimit = read(18) { try settings.int("SHOUHU_INTAKE_AGE_LIMIT", default: 18, range: 1...18) }
        policy.minimumMonthsAway = read(3) { try settings.int("SHOUHU_INTAKE_MONTHS_AWAY", default: 3, range: 0...120) }
        policy.oneParentIncapableRule = read(true) { try settings.bool("SHOUHU_INTAKE_ONE_PARENT_RULE", default: true) }
        policy.deceasedParentCountsAsIncapable = read(false) {
            try settings.bool("SHOUHU_INTAKE_DECEASED_COUNTS", default: false)
        }
        if let text = settings.string("SHOUHU_INTAKE_SURVEY_DATE") {
            if let date = CalendarDate(text) {
                policy.surveyReferenceDate = date
            } else {
                problems.append("SHOUHU_INTAKE_SURVEY_DATE: \"\(text)\" is not a date written YYYY-MM-DD")
            }
        }
        problems += policy.problems
        self.policy = policy
        let year = read(0) { try settings.int("SHOUHU_INTAKE_SURVEY_YEAR", default: 0, range: 0...9999) }
        surveyYear = year == 0 ? nil : year
        villagesFile = settings.string("SHOUHU_INTAKE_VILLAGES_FILE")
        importMaxBytes = read(64 << 20) {
            try settings.int("SHOUHU_INTAKE_IMPORT_MAX_BYTES", default: 64 << 20, range: 1024...(1 << 30))
        }
        sweepInterval = TimeInterval(read(3600) {
            try settings.int("SHOUHU_INTAKE_SWEEP_SECONDS", default: 3600, range: 1...86_400)
        })
        self.problems = problems
    }
}
