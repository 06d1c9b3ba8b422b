import ShouhuEvents

/// The result of rating one assessment: the care level (心级), its tier, and why, in words an
/// officer understands. Carries the ratings it was made from, which is what `AssessmentRecorded`
/// publishes and what `Escalation.compare` needs next time.
public struct CareRating: Sendable, Hashable {
    /// The category the rules used (the assessor's, `GuardianCategoryAssessment.assessed`).
    public let guardianCategory: GuardianCategory
    /// Harm level (等级), nil for none.
    public let harmLevel: HarmLevel?
    /// Guardian rating (委托监护人评估).
    public let guardianRating: GuardianRating
    /// The five dimension scores.
    public let scores: DimensionScores
    /// What the scores alone give, before any override.
    public let scoreLevel: CareLevel
    /// The care level: 1–4 hearts.
    public let careLevel: CareLevel
    /// The rules that set `careLevel`, most authoritative first (the overrides before the
    /// scores); never empty.
    public let decidedBy: [CareRule]
    /// One line per deciding rule, in the order of `decidedBy`, then — when the scores did not
    /// decide — a last line saying what the scores alone gave. Chinese first, English after.
    public let reasons: [String]

    /// General (1–3 hearts) or key (4 hearts).
    public var tier: CareTier { careLevel.tier }

    /// The lines of `reasons` that belong to the deciding rules.
    public var decidingReasons: [String] { Array(reasons.prefix(decidedBy.count)) }

    /// Assembles a rating; `CareLevelCalculator.rate` is the way to make one.
    public init(
        guardianCategory: GuardianCategory, harmLevel: HarmLevel?,
        guardianRating: GuardianRating, scores: DimensionScores, scoreLevel: CareLevel,
        careLevel: CareLevel, decidedBy: [CareRule], reasons: [String]
    ) {
        self.guardianCategory = guardianCategory
        self.harmLevel = harmLevel
        self.guardianRating = guardianRating
        self.scores = scores
        self.scoreLevel = scoreLevel
        self.careLevel = careLevel
        self.decidedBy = decidedBy
        self.reasons = reasons
    }
}
