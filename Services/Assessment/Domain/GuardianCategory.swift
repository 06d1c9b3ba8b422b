import ShouhuEvents

/// Guardian category (被监护人类型), seed 000 篇二 "评估风险，明确分级":
///
/// > 对被监护人的评估，一类：无父母、祖父母、外祖父母以及其他亲属委托监护人的农村留守儿童；
/// > 二类：无父母监护，但有其他亲属为监护人的农村留守儿童；
/// > 三类：无父母监护，但有祖父母、外祖父母为监护人的农村留守儿童。
///
/// The raw value is the number officers use and the `guardianCategory` of `AssessmentRecorded`.
/// Category 1 is the most exposed child; the numbering is the seed's, not a severity scale.
public enum GuardianCategory: Int, Sendable, Hashable, Codable, CaseIterable,
    CustomStringConvertible
{
    /// 一类: no parent, grandparent or other relative acts as entrusted guardian; the community
    /// must designate one and sign a guardianship agreement (seed 000 篇二: "对一类留守儿童要由
    /// 社区指定其监护人并订立监护合约").
    case noEntrustedGuardian = 1
    /// 二类: no parental care; another relative (其他亲属) is the guardian.
    case otherRelative = 2
    /// 三类: no parental care; a grandparent (祖父母、外祖父母) is the guardian.
    case grandparent = 3

    /// The category the guardian's relation implies; the assessor confirms it or overrides it
    /// with a reason (see `GuardianCategoryAssessment`).
    ///
    /// - `none` → 1: nobody acts as guardian, the seed's category 1 word for word.
    /// - `designated` → 1: a guardian the community designated is the *remedy* the seed
    ///   prescribes for category 1 ("对一类留守儿童要由社区指定其监护人并订立监护合约"), not a
    ///   relative entrusted by the family. Designation does not change why the child needed it:
    ///   still no parent, grandparent or relative guards the child, so the child stays category 1
    ///   (and keeps the key-tier care that category 1 brings).
    /// - `otherRelative` → 2 and `grandparent` → 3, as the seed says.
    /// - `parent` → 1: a parent at home who cannot guard (disabled or seriously ill, the other
    ///   parent away) gives the child no parental guardianship, and the relation records no
    ///   grandparent or relative either. By the seed's words that is "无父母、祖父母、外祖父母
    ///   以及其他亲属委托监护人", so the community must designate a guardian: category 1. When a
    ///   relative does in fact help day to day, the assessor overrides to 2 or 3 with a reason.
    public static func derive(from relation: GuardianRelation) -> GuardianCategory {
        switch relation {
        case .none, .designated, .parent: return .noEntrustedGuardian
        case .otherRelative: return .otherRelative
        case .grandparent: return .grandparent
        }
    }

    /// The officer's name for the category: 一类, 二类, 三类.
    public var chineseName: String {
        switch self {
        case .noEntrustedGuardian: return "一类"
        case .otherRelative: return "二类"
        case .grandparent: return "三类"
        }
    }

    /// The seed's definition of the category, quoted.
    public var definition: String {
        switch self {
        case .noEntrustedGuardian: return "无父母、祖父母、外祖父母以及其他亲属委托监护人的农村留守儿童"
        case .otherRelative: return "无父母监护，但有其他亲属为监护人的农村留守儿童"
        case .grandparent: return "无父母监护，但有祖父母、外祖父母为监护人的农村留守儿童"
        }
    }

    /// `一类 / category 1`.
    public var description: String { "\(chineseName) / category \(rawValue)" }
}
