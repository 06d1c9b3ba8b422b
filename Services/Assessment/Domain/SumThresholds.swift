/// Where the sum of the five dimension scores (5...20) crosses into two, three and four hearts,
/// for counties that combine scores by their sum (`ScoreCombination.sumOfScores`). A county
/// setting; the default is 5–7 → 1心, 8–11 → 2心, 12–15 → 3心, 16–20 → 4心.
public struct SumThresholds: Sendable, Hashable {
    /// The lowest total that gives two hearts.
    public let twoHeartsFrom: Int
    /// The lowest total that gives three hearts.
    public let threeHeartsFrom: Int
    /// The lowest total that gives four hearts.
    public let fourHeartsFrom: Int

    /// 5–7 → 1, 8–11 → 2, 12–15 → 3, 16–20 → 4.
    public static let standard = SumThresholds(checked: 8, 12, 16)

    /// Makes thresholds.
    /// - Throws: `AssessmentRuleError.invalidSumThresholds` unless
    ///   6 ≤ twoHeartsFrom < threeHeartsFrom < fourHeartsFrom ≤ 20, so that every level is
    ///   reachable and 5 (all "no concern") is always one heart.
    public init(twoHeartsFrom: Int, threeHeartsFrom: Int, fourHeartsFrom: Int) throws {
        guard 6 <= twoHeartsFrom, twoHeartsFrom < threeHeartsFrom,
            threeHeartsFrom < fourHeartsFrom, fourHeartsFrom <= 20
        else {
            throw AssessmentRuleError.invalidSumThresholds(
                twoHeartsFrom: twoHeartsFrom, threeHeartsFrom: threeHeartsFrom,
                fourHeartsFrom: fourHeartsFrom)
        }
        self.init(checked: twoHeartsFrom, threeHeartsFrom, fourHeartsFrom)
    }

    private init(checked two: Int, _ three: Int, _ four: Int) {
        twoHeartsFrom = two
        threeHeartsFrom = three
        fourHeartsFrom = four
    }

    /// The care level a total gives.
    public func careLevel(forTotal total: Int) -> CareLevel {
        if total >= fourHeartsFrom { return .four }
        if total >= threeHeartsFrom { return .three }
        if total >= twoHeartsFrom { return .two }
        return .one
    }

    /// The totals that give a care level (for reason lines): with the defaults, 8...11 for two.
    public func totals(for level: CareLevel) -> ClosedRange<Int> {
        switch level {
        case .one: return 5...(twoHeartsFrom - 1)
        case .two: return twoHeartsFrom...(threeHeartsFrom - 1)
        case .three: return threeHeartsFrom...(fourHeartsFrom - 1)
        case .four: return fourHeartsFrom...20
        }
    }
}
