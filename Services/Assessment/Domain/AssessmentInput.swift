import ShouhuEvents

/// What an assessor records about a child (评估), the input of `CareLevelCalculator.rate`:
/// the three ratings of seed 000 篇二 and the five scores of 篇六.
public struct AssessmentInput: Sendable, Hashable {
    /// Guardian category (被监护人类型), derived and as assessed.
    public var guardianCategory: GuardianCategoryAssessment
    /// Harm level (等级), or nil when the child has suffered no harm.
    public var harmLevel: HarmLevel?
    /// Rating of the entrusted guardian (委托监护人评估).
    public var guardianRating: GuardianRating
    /// The five dimension scores (心级五方面).
    public var scores: DimensionScores

    /// Bundles one assessment.
    public init(
        guardianCategory: GuardianCategoryAssessment, harmLevel: HarmLevel?,
        guardianRating: GuardianRating, scores: DimensionScores
    ) {
        self.guardianCategory = guardianCategory
        self.harmLevel = harmLevel
        self.guardianRating = guardianRating
        self.scores = scores
    }
}
