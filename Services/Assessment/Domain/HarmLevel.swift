/// Harm level (等级), seed 000 篇二 "评估风险，明确分级": "根据留守儿童生活、监护、教育、健康情况
/// 以及受到伤害的程度和频次，将各类分为四个等级。" Level 1 is the most severe; a child with no harm
/// at all has no level (`HarmLevel?` is `nil`).
///
/// The raw value is the seed's number and the `harmLevel` of `AssessmentRecorded`. Because a
/// smaller number is worse, the type is deliberately not `Comparable`: ask `isMoreSevere(than:)`.
public enum HarmLevel: Int, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// 一级: "受监护人基本没有履行监护职责或无监护人，被监护人已处于流浪乞讨维持生命和生存。"
    /// The guardian basically does not guard, or there is none; the child is vagrant or begging.
    case noGuardianship = 1
    /// 二级: "委托监护人履行监护职责不力，导致被监护人不能正常生活和健康成长、辍学以及染上不良
    /// 行为。" The guardian guards poorly: the child cannot live normally, has dropped out or has
    /// taken up bad behaviour.
    case poorGuardianship = 2
    /// 三级: "委托监护人疏于对被监护人的监管，导致被监护人心理受到严重伤害、歧视、漠视、体罚及
    /// 不公正对待。" The guardian neglects: serious psychological harm, discrimination, neglect,
    /// corporal punishment or unfair treatment.
    case neglect = 3
    /// 四级: "委托监护人由于自身能力缺陷，不能正常履行监护责任，导致被监护人行为出现偏差、心理
    /// 失当、性格孤僻、偶尔会逃学等。" The guardian lacks capacity: the child's behaviour deviates,
    /// psychological problems, withdrawn personality, occasional truancy.
    case lackingCapacity = 4

    /// The seed's definition, quoted (seed 000 篇二).
    public var definition: String {
        switch self {
        case .noGuardianship:
            return "受监护人基本没有履行监护职责或无监护人，被监护人已处于流浪乞讨维持生命和生存。"
        case .poorGuardianship:
            return "委托监护人履行监护职责不力，导致被监护人不能正常生活和健康成长、辍学以及染上不良行为。"
        case .neglect:
            return "委托监护人疏于对被监护人的监管，导致被监护人心理受到严重伤害、歧视、漠视、体罚及不公正对待。"
        case .lackingCapacity:
            return "委托监护人由于自身能力缺陷，不能正常履行监护责任，导致被监护人行为出现偏差、心理失当、性格孤僻、偶尔会逃学等。"
        }
    }

    /// The officer's name: 一级 … 四级.
    public var chineseName: String {
        switch self {
        case .noGuardianship: return "一级"
        case .poorGuardianship: return "二级"
        case .neglect: return "三级"
        case .lackingCapacity: return "四级"
        }
    }

    /// A few words for a reason line (Chinese).
    public var chineseSummary: String {
        switch self {
        case .noGuardianship: return "无人监护、流浪乞讨"
        case .poorGuardianship: return "监护不力：不能正常生活、辍学或染上不良行为"
        case .neglect: return "疏于监管：心理伤害、歧视、漠视、体罚或不公正对待"
        case .lackingCapacity: return "监护能力缺陷：行为偏差、心理失当、性格孤僻或偶尔逃学"
        }
    }

    /// A few words for a reason line (English).
    public var englishSummary: String {
        switch self {
        case .noGuardianship: return "no guardianship, vagrant or begging"
        case .poorGuardianship:
            return "poor guardianship: cannot live normally, dropped out or bad behaviour"
        case .neglect:
            return
                "neglect: psychological harm, discrimination, corporal punishment or unfair treatment"
        case .lackingCapacity:
            return
                "guardian lacks capacity: deviant behaviour, psychological problems, withdrawn or truancy"
        }
    }

    /// How severe, on a rising scale: 4 for level 1 down to 1 for level 4; `nil` (no harm) is 0.
    public static func severity(of level: HarmLevel?) -> Int {
        guard let level else { return 0 }
        return 5 - level.rawValue
    }

    /// Whether `level` is more severe than `other`, where `nil` means no harm level: any level is
    /// more severe than none, and none is more severe than nothing.
    public static func isMoreSevere(_ level: HarmLevel?, than other: HarmLevel?) -> Bool {
        severity(of: level) > severity(of: other)
    }

    /// Whether this level is more severe than `other` (any level is more severe than `nil`).
    public func isMoreSevere(than other: HarmLevel?) -> Bool {
        HarmLevel.isMoreSevere(self, than: other)
    }

    /// `二级 / harm level 2`.
    public var description: String { "\(chineseName) / harm level \(rawValue)" }
}
