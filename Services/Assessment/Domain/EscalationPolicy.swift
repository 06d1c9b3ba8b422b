/// The county's settings for when a *first* assessment alerts like an escalation (风险升级).
///
/// Domain.md: "A rise in care level, or a more severe harm level, is a risk escalation: the
/// mentors and the responsible officer must hear of it at once." A first assessment has nothing
/// to rise from. Treating every one as an escalation would flood officers during the initial
/// survey (摸底排查, seed 000 篇二, when a whole county is assessed within weeks); treating none
/// would hide a child who is found at high risk on day one. So a first assessment alerts when it
/// lands at or above these lines: by default the key tier (4心) or harm level 2 or worse.
public struct EscalationPolicy: Sendable, Hashable {
    /// A first assessment at this care level or higher alerts. Default four hearts (key tier).
    public var firstAssessmentAlertFromCareLevel: CareLevel
    /// A first assessment at this harm level or a more severe one alerts. Default level 2, so
    /// levels 1 and 2 alert even when a county has switched off `CarePolicy.severeHarmIsKey`.
    public var firstAssessmentAlertFromHarmLevel: HarmLevel

    /// Key tier or harm level 1–2.
    public static let standard = EscalationPolicy()

    /// Makes a policy; the defaults are key tier and harm level 2.
    public init(
        firstAssessmentAlertFromCareLevel: CareLevel = .four,
        firstAssessmentAlertFromHarmLevel: HarmLevel = .poorGuardianship
    ) {
        self.firstAssessmentAlertFromCareLevel = firstAssessmentAlertFromCareLevel
        self.firstAssessmentAlertFromHarmLevel = firstAssessmentAlertFromHarmLevel
    }
}
