import ShouhuEvents

/// Turns an assessment into a care level (心级, seed 000 篇六) under a county's `CarePolicy`.
///
/// The level is the highest of what the scores give and what each switched-on override demands:
/// category 1, harm level 1–2 and a poor guardian each demand four hearts; harm level 3–4
/// demands at least the floor. Overrides only ever raise the level, never lower it.
public enum CareLevelCalculator {
    /// Rates one assessment.
    ///
    /// - Parameters:
    ///   - input: the assessor's ratings and scores.
    ///   - policy: the county's settings; domain.md's defaults unless given.
    /// - Returns: the care level, tier, the rules that decided it and one reason line for each.
    public static func rate(_ input: AssessmentInput, policy: CarePolicy = .standard)
        -> CareRating
    {
        let scores = input.scores
        let scoreLevel = policy.combination.careLevel(for: scores)
        let category = input.guardianCategory.assessed

        // What each switched-on override demands, in the order reasons are listed.
        var demands: [Demand] = []
        if policy.categoryOneIsKey, category == .noEntrustedGuardian {
            demands.append(
                Demand(
                    .categoryOne, .four,
                    "无监护人（1类）：按规定列为4心重点关注 / Category 1 (no guardian): care level 4"))
        }
        if policy.severeHarmIsKey, let harm = input.harmLevel,
            harm == .noGuardianship || harm == .poorGuardianship
        {
            demands.append(
                Demand(
                    .severeHarm, .four,
                    "伤害等级\(harm.chineseName)（\(harm.chineseSummary)）：按规定列为4心重点关注"
                        + " / Harm level \(harm.rawValue) (\(harm.englishSummary)): care level 4"))
        }
        if policy.poorGuardianIsKey, input.guardianRating == .poor {
            demands.append(
                Demand(
                    .poorGuardian, .four,
                    "委托监护人评估为“差”：按规定列为4心重点关注 / Guardian rated poor: care level 4"))
        }
        if policy.moderateHarmRaisesFloor, let harm = input.harmLevel,
            harm == .neglect || harm == .lackingCapacity
        {
            let floor = policy.moderateHarmFloor
            demands.append(
                Demand(
                    .moderateHarmFloor, floor,
                    "伤害等级\(harm.chineseName)（\(harm.chineseSummary)）：至少列为\(floor.chineseName)"
                        + " / Harm level \(harm.rawValue) (\(harm.englishSummary)): "
                        + "care level at least \(floor.hearts)"))
        }

        let careLevel = demands.map(\.level).reduce(scoreLevel, max)

        // An override decides when it demands the final level; a floor only when it actually
        // lifted the level above the scores (a minimum the scores already meet decided nothing).
        let deciding = demands.filter { demand in
            demand.level == careLevel
                && (demand.rule != .moderateHarmFloor || demand.level > scoreLevel)
        }
        var decidedBy = deciding.map(\.rule)
        var reasons = deciding.map(\.reason)
        if scoreLevel == careLevel {
            decidedBy.append(.scores)
            reasons.append(scoreReason(scores, level: scoreLevel, policy.combination))
        } else {
            reasons.append(scoreOnlyReason(scores, level: scoreLevel, policy.combination))
        }

        return CareRating(
            guardianCategory: category, harmLevel: input.harmLevel,
            guardianRating: input.guardianRating, scores: scores, scoreLevel: scoreLevel,
            careLevel: careLevel, decidedBy: decidedBy, reasons: reasons)
    }

    /// What one switched-on override demands.
    private struct Demand {
        let rule: CareRule
        let level: CareLevel
        let reason: String

        init(_ rule: CareRule, _ level: CareLevel, _ reason: String) {
            self.rule = rule
            self.level = level
            self.reason = reason
        }
    }

    // MARK: - Reason lines for the scores

    /// The line when the scores decided the level.
    private static func scoreReason(
        _ scores: DimensionScores, level: CareLevel, _ combination: ScoreCombination
    ) -> String {
        switch combination {
        case .highestDimension:
            if scores.highest == 1 {
                return "五项评估均无问题：1心 / No concern in any of the five dimensions: care level 1"
            }
            let (zh, en) = names(scores.dimensions(scoring: scores.highest))
            return "\(zh)评分\(scores.highest)分（五项中最高）：\(level.chineseName) / "
                + "Highest dimension score \(scores.highest) (\(en)): care level \(level.hearts)"
        case .sumOfScores(let thresholds):
            let band = thresholds.totals(for: level)
            return "五项评分合计\(scores.total)分（\(band.lowerBound)–\(band.upperBound)分为"
                + "\(level.chineseName)）：\(level.chineseName) / Dimension scores total "
                + "\(scores.total) (\(band.lowerBound)–\(band.upperBound) is care level "
                + "\(level.hearts)): care level \(level.hearts)"
        }
    }

    /// The closing line when an override, not the scores, decided the level.
    private static func scoreOnlyReason(
        _ scores: DimensionScores, level: CareLevel, _ combination: ScoreCombination
    ) -> String {
        switch combination {
        case .highestDimension:
            return "仅按五项评分为\(level.chineseName)（最高\(scores.highest)分） / "
                + "The scores alone give care level \(level.hearts) "
                + "(highest score \(scores.highest))"
        case .sumOfScores:
            return "仅按五项评分为\(level.chineseName)（合计\(scores.total)分） / "
                + "The scores alone give care level \(level.hearts) (total \(scores.total))"
        }
    }

    private static func names(_ dimensions: [CareDimension]) -> (String, String) {
        (
            dimensions.map(\.chineseName).joined(separator: "、"),
            dimensions.map(\.englishName).joined(separator: ", ")
        )
    }
}
