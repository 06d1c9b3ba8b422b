/// Why an assessment or a county setting was refused by the rules. Each case names what was
/// wrong in words an officer can act on (Chinese first, English after, in `description`).
public enum AssessmentRuleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A dimension score outside 1...4.
    case scoreOutOfRange(dimension: CareDimension, score: Int)
    /// The assessor chose a category other than the derived one without saying why.
    case overrideReasonMissing(derived: GuardianCategory, assessed: GuardianCategory)
    /// Score-sum thresholds that are not strictly rising within 6...20.
    case invalidSumThresholds(twoHeartsFrom: Int, threeHeartsFrom: Int, fourHeartsFrom: Int)
    /// A term calendar with no terms at all.
    case noTerms
    /// A term without a name.
    case unnamedTerm
    /// Two terms (or one term and its next year's repeat) share days.
    case overlappingTerms(String, String)

    public var description: String {
        switch self {
        case .scoreOutOfRange(let dimension, let score):
            return "\(dimension.chineseName)评分\(score)超出1–4分 / "
                + "\(dimension.englishName) score \(score) is outside 1–4"
        case .overrideReasonMissing(let derived, let assessed):
            return "将被监护人类型由\(derived.rawValue)类改为\(assessed.rawValue)类须说明理由 / "
                + "changing the guardian category from \(derived.rawValue) to "
                + "\(assessed.rawValue) needs a reason"
        case .invalidSumThresholds(let two, let three, let four):
            return "心级分数线须依次递增且在6–20分之间（\(two)、\(three)、\(four)） / "
                + "heart thresholds must rise strictly within 6–20 (got \(two), \(three), \(four))"
        case .noTerms:
            return "至少须设置一个学期 / at least one term is needed"
        case .unnamedTerm:
            return "学期须有名称 / every term needs a name"
        case .overlappingTerms(let a, let b):
            return "学期“\(a)”与“\(b)”时间重叠 / terms \"\(a)\" and \"\(b)\" overlap"
        }
    }
}
