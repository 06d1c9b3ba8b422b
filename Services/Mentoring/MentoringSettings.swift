import MentoringDomain
import ShouhuService

/// The mentoring service's own settings (county policy), read once at start. A value that is
/// not a number in range, or a term calendar that does not parse, stops the service at start
/// with the variable's name: a wrong rule must not run quietly.
enum MentoringSettings {
    static let homeVisitDaysKey = "SHOUHU_MENTORING_HOME_VISIT_DAYS_KEY"
    static let homeVisitDaysGeneral = "SHOUHU_MENTORING_HOME_VISIT_DAYS_GENERAL"
    static let parentReportMonths = "SHOUHU_MENTORING_PARENT_REPORT_MONTHS"
    static let terms = "SHOUHU_MENTORING_TERMS"
    static let overdueRepeatDays = "SHOUHU_MENTORING_OVERDUE_REPEAT_DAYS"
    static let escalationVisitDays = "SHOUHU_MENTORING_ESCALATION_VISIT_DAYS"
    static let defaultCapacity = "SHOUHU_MENTORING_DEFAULT_CAPACITY"
    static let sweepSeconds = "SHOUHU_MENTORING_SWEEP_SECONDS"

    /// The policy from the environment, with the seeds' defaults.
    static func policy(_ settings: Settings) throws(SettingsError) -> MentoringPolicy {
        let standard = MentoringPolicy.standard
        var calendar = standard.terms
        if let text = settings.string(terms) {
            guard let parsed = TermCalendar(setting: text) else {
                throw SettingsError(
                    variable: terms, reason: "\"\(text)\" is not a term calendar: write MM-DD/MM-DD pairs, e.g. 02-20/07-10,09-01/01-20")
            }
            calendar = parsed
        }
        return MentoringPolicy(
            homeVisitDaysKey: try settings.int(homeVisitDaysKey, default: standard.homeVisitDaysKey, range: 1...366),
            homeVisitDaysGeneral: try settings.int(homeVisitDaysGeneral, default: standard.homeVisitDaysGeneral, range: 1...366),
            parentReportMonths: try settings.int(parentReportMonths, default: standard.parentReportMonths, range: 1...12),
            terms: calendar,
            overdueRepeatDays: try settings.int(overdueRepeatDays, default: standard.overdueRepeatDays, range: 1...366),
            escalationVisitDays: try settings.int(escalationVisitDays, default: standard.escalationVisitDays, range: 0...60),
            defaultCapacity: try settings.int(defaultCapacity, default: standard.defaultCapacity, range: 1...100))
    }

    /// Seconds between overdue sweeps (default five minutes).
    static func sweepInterval(_ settings: Settings) throws(SettingsError) -> Int {
        try settings.int(sweepSeconds, default: 300, range: 1...86_400)
    }
}
