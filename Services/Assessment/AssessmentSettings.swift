import AssessmentDomain
import Foundation
import ShouhuService

/// The assessment service's county settings, read once from the environment and checked: the
/// care-level rules (心级), when a first assessment alerts, the term calendar, when a due
/// reassessment becomes overdue, and how often the reassessment sweep runs. Every variable has
/// domain.md's default; a malformed one stops the service with a message naming it.
public struct AssessmentSettings: Sendable {
    /// Turns ratings and scores into a care level.
    public var care: CarePolicy
    /// When a first assessment alerts.
    public var escalation: EscalationPolicy
    /// The terms and the reassessment rules.
    public var schedule: ReassessmentSchedule
    /// When a due reassessment is overdue.
    public var overdue: OverduePolicy
    /// Seconds between runs of the reassessment sweep.
    public var sweepInterval: TimeInterval

    /// The variable names, each `SHOUHU_ASSESSMENT_…`.
    public enum Variable {
        /// `highest` (default: the worst of the five dimensions decides) or `sum`.
        public static let scoreCombination = "SHOUHU_ASSESSMENT_SCORE_COMBINATION"
        /// With `sum`: the lowest totals for two, three and four hearts, default `8,12,16`.
        public static let sumThresholds = "SHOUHU_ASSESSMENT_SUM_THRESHOLDS"
        /// Category 1 → four hearts (default true).
        public static let categoryOneIsKey = "SHOUHU_ASSESSMENT_CATEGORY_ONE_IS_KEY"
        /// Harm level 1 or 2 → four hearts (default true).
        public static let severeHarmIsKey = "SHOUHU_ASSESSMENT_SEVERE_HARM_IS_KEY"
        /// A poor guardian → four hearts (default true).
        public static let poorGuardianIsKey = "SHOUHU_ASSESSMENT_POOR_GUARDIAN_IS_KEY"
        /// Harm level 3 or 4 → at least the floor (default true).
        public static let moderateHarmRaisesFloor = "SHOUHU_ASSESSMENT_MODERATE_HARM_RAISES_FLOOR"
        /// The floor for harm level 3 or 4, 1–4 hearts (default 3).
        public static let moderateHarmFloor = "SHOUHU_ASSESSMENT_MODERATE_HARM_FLOOR"
        /// A first assessment at this care level or above alerts (default 4).
        public static let firstAlertCareLevel = "SHOUHU_ASSESSMENT_FIRST_ALERT_CARE_LEVEL"
        /// A first assessment at this harm level or worse alerts (default 2).
        public static let firstAlertHarmLevel = "SHOUHU_ASSESSMENT_FIRST_ALERT_HARM_LEVEL"
        /// The term calendar, default `春季学期 / spring term=02-20..07-10;秋季学期 / autumn term=09-01..01-20`.
        public static let terms = "SHOUHU_ASSESSMENT_TERMS"
        /// Days after a term's reassessment is due before it is overdue (default 30).
        public static let termGraceDays = "SHOUHU_ASSESSMENT_TERM_GRACE_DAYS"
        /// Days after an incident before its reassessment is overdue (default 7).
        public static let incidentGraceDays = "SHOUHU_ASSESSMENT_INCIDENT_GRACE_DAYS"
        /// Seconds between reassessment sweeps (default 3600).
        public static let sweepSeconds = "SHOUHU_ASSESSMENT_SWEEP_SECONDS"
    }

    /// Reads and checks every setting.
    /// - Throws: `SettingsError` naming the first variable that is malformed.
    public init(_ settings: Settings) throws {
        var care = CarePolicy.standard
        switch settings.string(Variable.scoreCombination, default: "highest")?.lowercased() {
        case "highest": care.combination = .highestDimension
        case "sum":
            let text = settings.string(Variable.sumThresholds, default: "8,12,16") ?? "8,12,16"
            do {
                guard let thresholds = try SettingText.sumThresholds(text) else {
                    throw SettingsError(
                        variable: Variable.sumThresholds, reason: "\"\(text)\" is not three whole numbers such as 8,12,16")
                }
                care.combination = .sumOfScores(thresholds)
            } catch let error as AssessmentRuleError {
                throw SettingsError(variable: Variable.sumThresholds, reason: error.description)
            }
        case let other:
            throw SettingsError(
                variable: Variable.scoreCombination, reason: "\"\(other ?? "")\" is neither highest nor sum")
        }
        care.categoryOneIsKey = try settings.bool(Variable.categoryOneIsKey, default: true)
        care.severeHarmIsKey = try settings.bool(Variable.severeHarmIsKey, default: true)
        care.poorGuardianIsKey = try settings.bool(Variable.poorGuardianIsKey, default: true)
        care.moderateHarmRaisesFloor = try settings.bool(Variable.moderateHarmRaisesFloor, default: true)
        care.moderateHarmFloor =
            CareLevel(rawValue: try settings.int(Variable.moderateHarmFloor, default: 3, range: 1...4)) ?? .three
        self.care = care

        escalation = EscalationPolicy(
            firstAssessmentAlertFromCareLevel: CareLevel(
                rawValue: try settings.int(Variable.firstAlertCareLevel, default: 4, range: 1...4)) ?? .four,
            firstAssessmentAlertFromHarmLevel: HarmLevel(
                rawValue: try settings.int(Variable.firstAlertHarmLevel, default: 2, range: 1...4)) ?? .poorGuardianship)

        if let text = settings.string(Variable.terms) {
            do {
                guard let schedule = try SettingText.terms(text) else {
                    throw SettingsError(
                        variable: Variable.terms,
                        reason: "write each term as name=MM-DD..MM-DD, separated by semicolons")
                }
                self.schedule = schedule
            } catch let error as AssessmentRuleError {
                throw SettingsError(variable: Variable.terms, reason: error.description)
            }
        } else {
            schedule = .standard
        }
        overdue = OverduePolicy(
            termGraceDays: try settings.int(Variable.termGraceDays, default: 30, range: 0...365),
            incidentGraceDays: try settings.int(Variable.incidentGraceDays, default: 7, range: 0...365))
        sweepInterval = TimeInterval(try settings.int(Variable.sweepSeconds, default: 3600, range: 1...86_400))
    }

    /// The settings of a service about to start; a malformed variable stops the process with its
    /// name on standard error, as the shared settings do (the definition's hooks cannot throw).
    static func load(_ context: ServiceContext) -> AssessmentSettings {
        do {
            return try AssessmentSettings(context.settings)
        } catch {
            FileHandle.standardError.write(Data("shouhu-assessment: cannot start: \(error)\n".utf8))
            context.logger.critical("cannot start", metadata: ["error": "\(error)"])
            exit(1)
        }
    }
}
