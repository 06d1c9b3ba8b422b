/// How the five dimension scores combine into hearts (心级), a county setting.
///
/// The default is `highestDimension`. Seed 000 篇六 says only that the county surveys "心理、身体、
/// 学业、监护等五方面现状" and grades "需要关爱程度" into four hearts; it gives no formula. Two
/// things in the same passage decide it:
/// - the care needed is the care for the child's worst problem: a child in psychological crisis
///   needs the most care even with good marks and good health, and a sum would let four quiet
///   dimensions hide one severe one;
/// - the county's own figures, read as the two tiers: "8453名干部和教师与4570名留守儿童结成
///   “二对一”关爱对子，250个村居、233所学校对5210名留守儿童实施日常监护" — nearly half the
///   children (4,570 of 9,780) are in the four-heart key tier. A sum rule reaches four hearts
///   only when almost every dimension is severe and could hardly produce that share; "one
///   severe dimension is enough" can.
/// The same "any one is enough" logic runs through the overrides of domain.md (category 1, harm
/// level 1–2, a poor guardian each make four hearts on their own).
///
/// Counties that prefer to weigh all five equally choose `sumOfScores` with their thresholds.
public enum ScoreCombination: Sendable, Hashable {
    /// Hearts = the highest of the five scores (the worst dimension decides).
    case highestDimension
    /// Hearts from the total of the five scores, cut at the given thresholds.
    case sumOfScores(SumThresholds)

    /// The care level the scores alone give.
    public func careLevel(for scores: DimensionScores) -> CareLevel {
        switch self {
        case .highestDimension:
            return CareLevel(rawValue: scores.highest) ?? .four
        case .sumOfScores(let thresholds):
            return thresholds.careLevel(forTotal: scores.total)
        }
    }
}
