/// The county's settings for turning an assessment into a care level (心级). Every rule a county
/// may change is here, with the defaults of domain.md; `CarePolicy.standard` is those defaults.
/// Change one with `var policy = CarePolicy.standard; policy.poorGuardianIsKey = false`.
public struct CarePolicy: Sendable, Hashable {
    /// How the five dimension scores combine into hearts (see `ScoreCombination` for why the
    /// default is the highest score).
    public var combination: ScoreCombination

    /// A category-1 child (一类: no parent, grandparent or relative as guardian) gets four hearts
    /// whatever the scores say. Default on (domain.md; seed 000 篇二 singles category 1 out:
    /// "对一类留守儿童要由社区指定其监护人并订立监护合约").
    public var categoryOneIsKey: Bool

    /// Harm level 1 or 2 (一级 vagrant or begging, 二级 cannot live normally, dropped out, bad
    /// behaviour) gives four hearts. Default on (domain.md).
    public var severeHarmIsKey: Bool

    /// A poor guardian rating (差: "无监护人或委托监护人不能履行监护职责…容易出现行为偏差、心理
    /// 失当、辍学、外出流浪乞讨等非正常情况") gives four hearts. Default on (domain.md).
    public var poorGuardianIsKey: Bool

    /// Harm level 3 or 4 raises the care level to at least `moderateHarmFloor`. Default on.
    ///
    /// A county practice choice, not in the seed: a harm level records harm that has *happened*
    /// (三级 "心理受到严重伤害、歧视、漠视、体罚及不公正对待", 四级 "行为出现偏差、心理失当、性格
    /// 孤僻、偶尔会逃学"), so the child should not sit at one or two hearts because the five
    /// scores were mild on the day. Three hearts is the top of the general tier (the village
    /// committee and the school stay responsible), so the rule sharpens attention without
    /// flooding the two-on-one pairings.
    public var moderateHarmRaisesFloor: Bool

    /// The minimum care level for harm level 3 or 4 when `moderateHarmRaisesFloor` is on.
    /// Default three hearts.
    public var moderateHarmFloor: CareLevel

    /// The defaults of domain.md.
    public static let standard = CarePolicy()

    /// Makes a policy; every argument defaults to domain.md's value.
    public init(
        combination: ScoreCombination = .highestDimension,
        categoryOneIsKey: Bool = true,
        severeHarmIsKey: Bool = true,
        poorGuardianIsKey: Bool = true,
        moderateHarmRaisesFloor: Bool = true,
        moderateHarmFloor: CareLevel = .three
    ) {
        self.combination = combination
        self.categoryOneIsKey = categoryOneIsKey
        self.severeHarmIsKey = severeHarmIsKey
        self.poorGuardianIsKey = poorGuardianIsKey
        self.moderateHarmRaisesFloor = moderateHarmRaisesFloor
        self.moderateHarmFloor = moderateHarmFloor
    }
}
