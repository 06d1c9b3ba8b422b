/// One of the five things the care level looks at (心级五方面), seed 000 篇六: "摸底留守儿童心理、
/// 身体、学业、监护等五方面现状". The seed names four and says "等五方面"; the fifth, safety and
/// living conditions, follows the work goals of 篇二 ("生活有助……安全有护").
///
/// The raw value is the key in `dimensionScores` of `AssessmentRecorded`.
public enum CareDimension: String, Sendable, Hashable, Codable, CaseIterable {
    /// 心理
    case psychology
    /// 身体健康
    case physicalHealth
    /// 学业
    case studies
    /// 监护
    case guardianship
    /// 安全与生活
    case safetyAndLiving

    /// The officer's word.
    public var chineseName: String {
        switch self {
        case .psychology: return "心理"
        case .physicalHealth: return "身体健康"
        case .studies: return "学业"
        case .guardianship: return "监护"
        case .safetyAndLiving: return "安全与生活"
        }
    }

    /// The English word for reason lines.
    public var englishName: String {
        switch self {
        case .psychology: return "psychology"
        case .physicalHealth: return "physical health"
        case .studies: return "studies"
        case .guardianship: return "guardianship"
        case .safetyAndLiving: return "safety and living conditions"
        }
    }
}
