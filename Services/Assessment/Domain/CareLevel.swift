import ShouhuEvents

/// Care level (心级), seed 000 篇六: "出台《习水县留守儿童分类“心级”管理方案》，摸底留守儿童
/// 心理、身体、学业、监护等五方面现状，将留守儿童需要关爱程度划分为四颗“心”级别。"
///
/// One to four hearts; four means the most care is needed. Comparable by hearts. The raw value is
/// the `careLevel` of `AssessmentRecorded`.
public enum CareLevel: Int, Sendable, Hashable, Codable, CaseIterable, Comparable,
    CustomStringConvertible
{
    case one = 1
    case two = 2
    case three = 3
    case four = 4

    /// The number of hearts, 1...4.
    public var hearts: Int { rawValue }

    /// The tier the level puts the child in, seed 000 篇六: "将“普遍级别（1-3心级）”关爱责任划归
    /// 村居、学校负责，通过“干部+教师”“二对一”结对模式，将“重点级别（4心级）”关爱责任划归责任
    /// 干部和监管教师。" Key iff four hearts; this is the event contract, not a setting.
    public var tier: CareTier { self == .four ? .key : .general }

    /// `3心`.
    public var chineseName: String { "\(rawValue)心" }

    public static func < (lhs: CareLevel, rhs: CareLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    /// `3心 / care level 3`.
    public var description: String { "\(chineseName) / care level \(rawValue)" }
}
