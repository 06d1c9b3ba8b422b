import AssessmentDomain
import ShouhuEvents
import Testing

/// One child from the seed's definitions, and the care level the standard policy must give.
struct CareCase: Sendable, CustomTestStringConvertible {
    let child: String
    let relation: GuardianRelation
    /// The assessor's category and reason when it differs from the derived one.
    let override: (GuardianCategory, String)?
    let harm: HarmLevel?
    let rating: GuardianRating
    let scores: [Int]
    let hearts: Int
    let tier: CareTier
    let keyRule: CareRule

    init(
        _ child: String, _ relation: GuardianRelation, override: (GuardianCategory, String)? = nil,
        harm: HarmLevel? = nil, rating: GuardianRating = .good, scores: [Int] = [1, 1, 1, 1, 1],
        hearts: Int, keyRule: CareRule
    ) {
        self.child = child
        self.relation = relation
        self.override = override
        self.harm = harm
        self.rating = rating
        self.scores = scores
        self.hearts = hearts
        self.tier = hearts == 4 ? .key : .general
        self.keyRule = keyRule
    }

    var testDescription: String { child }
}

extension AssessmentDomainTests {
    /// Under domain.md's defaults (highest dimension; all overrides on; harm 3–4 floor at 3).
    @Suite struct CareLevelTableTests {
        static let cases: [CareCase] = [
            // 三类: a grandparent guards; the scores decide.
            .init("三类 较好 全部无问题", .grandparent, hearts: 1, keyRule: .scores),
            .init("三类 学业轻度问题", .grandparent, scores: [1, 1, 2, 1, 1], hearts: 2, keyRule: .scores),
            .init("三类 监护轻度问题", .grandparent, scores: [1, 1, 1, 2, 1], hearts: 2, keyRule: .scores),
            .init(
                "三类 一般 心理问题明显", .grandparent, rating: .fair, scores: [3, 1, 1, 1, 1], hearts: 3,
                keyRule: .scores),
            .init(
                "三类 身体健康问题明显", .grandparent, rating: .fair, scores: [1, 3, 1, 1, 1], hearts: 3,
                keyRule: .scores),
            .init(
                "三类 多项中度问题", .grandparent, rating: .fair, scores: [2, 3, 2, 3, 2], hearts: 3,
                keyRule: .scores),
            .init(
                "三类 心理严重问题 一项即4心", .grandparent, scores: [4, 1, 1, 1, 1], hearts: 4,
                keyRule: .scores),
            .init("三类 学业严重问题", .grandparent, scores: [1, 1, 4, 1, 1], hearts: 4, keyRule: .scores),
            // 二类: another relative guards.
            .init("二类 较好 全部无问题", .otherRelative, hearts: 1, keyRule: .scores),
            .init(
                "二类 一般 各项轻度", .otherRelative, rating: .fair, scores: [2, 2, 2, 2, 2], hearts: 2,
                keyRule: .scores),
            .init(
                "二类 各项均明显", .otherRelative, rating: .fair, scores: [3, 3, 3, 3, 3], hearts: 3,
                keyRule: .scores),
            .init(
                "二类 安全与生活严重问题", .otherRelative, scores: [1, 1, 1, 1, 4], hearts: 4, keyRule: .scores
            ),
            // 一类: no parent, grandparent or relative as guardian.
            .init("一类 无人监护", .none, hearts: 4, keyRule: .categoryOne),
            .init(
                "一类 社区指定监护人仍为一类", .designated, scores: [1, 2, 1, 1, 1], hearts: 4,
                keyRule: .categoryOne),
            .init("在家父母无监护能力 → 一类", .parent, hearts: 4, keyRule: .categoryOne),
            .init(
                "在家父母无监护能力 四级伤害", .parent, harm: .lackingCapacity, rating: .fair,
                scores: [2, 1, 1, 1, 1], hearts: 4, keyRule: .categoryOne),
            .init(
                "一类 一级伤害 差 全部严重", .none, harm: .noGuardianship, rating: .poor,
                scores: [4, 4, 4, 4, 4], hearts: 4, keyRule: .categoryOne),
            // The assessor overrides the derived category, with a reason.
            .init(
                "父母无能力 外婆每日照料 改为三类", .parent, override: (.grandparent, "外婆每日照料"), hearts: 1,
                keyRule: .scores),
            .init(
                "祖父卧床 实际无人监护 改为一类", .grandparent, override: (.noEntrustedGuardian, "祖父卧床，无人照料"),
                hearts: 4, keyRule: .categoryOne),
            .init(
                "指定监护人为舅舅 改为二类", .designated, override: (.otherRelative, "舅舅已接手监护"),
                scores: [1, 2, 1, 1, 1], hearts: 2, keyRule: .scores),
            // 一级 and 二级 harm: four hearts whatever the scores.
            .init(
                "一级 流浪乞讨", .grandparent, harm: .noGuardianship, rating: .fair, hearts: 4,
                keyRule: .severeHarm),
            .init(
                "二级 辍学", .grandparent, harm: .poorGuardianship, rating: .fair,
                scores: [2, 2, 3, 1, 1], hearts: 4, keyRule: .severeHarm),
            .init(
                "二级 染上不良行为 评分无问题", .otherRelative, harm: .poorGuardianship, hearts: 4,
                keyRule: .severeHarm),
            .init(
                "二级 监护人差 两条规则同时成立", .otherRelative, harm: .poorGuardianship, rating: .poor,
                scores: [2, 1, 1, 1, 1], hearts: 4, keyRule: .severeHarm),
            // 三级 and 四级 harm: at least three hearts.
            .init(
                "三级 体罚 评分轻", .grandparent, harm: .neglect, rating: .fair, scores: [2, 1, 1, 1, 1],
                hearts: 3, keyRule: .moderateHarmFloor),
            .init(
                "三级 评分已达3心", .grandparent, harm: .neglect, scores: [3, 1, 1, 1, 1], hearts: 3,
                keyRule: .scores),
            .init(
                "三级 心理严重", .grandparent, harm: .neglect, rating: .fair, scores: [4, 1, 1, 1, 1],
                hearts: 4, keyRule: .scores),
            .init(
                "三级 安全严重", .grandparent, harm: .neglect, scores: [1, 1, 1, 1, 4], hearts: 4,
                keyRule: .scores),
            .init(
                "四级 偶尔逃学", .otherRelative, harm: .lackingCapacity, rating: .fair,
                scores: [1, 1, 2, 1, 1], hearts: 3, keyRule: .moderateHarmFloor),
            .init(
                "四级 性格孤僻 评分无问题", .otherRelative, harm: .lackingCapacity, hearts: 3,
                keyRule: .moderateHarmFloor),
            // 差: a poor guardian means four hearts.
            .init("监护人差 评分无问题", .grandparent, rating: .poor, hearts: 4, keyRule: .poorGuardian),
            .init(
                "二类 监护人差 监护明显问题", .otherRelative, rating: .poor, scores: [2, 1, 1, 3, 1], hearts: 4,
                keyRule: .poorGuardian),
            .init(
                "四级 监护人差", .grandparent, harm: .lackingCapacity, rating: .poor,
                scores: [1, 1, 1, 2, 1], hearts: 4, keyRule: .poorGuardian),
            .init(
                "监护人一般 不触发", .grandparent, rating: .fair, scores: [1, 2, 1, 1, 1], hearts: 2,
                keyRule: .scores),
        ]

        @Test func tableHasAtLeastThirtyCases() {
            #expect(Self.cases.count >= 30)
        }

        @Test(arguments: cases)
        func ratesTheSeedCase(_ c: CareCase) throws {
            let category: GuardianCategoryAssessment =
                if case (let assessed, let reason)? = c.override {
                    try GuardianCategoryAssessment(
                        relation: c.relation, assessed: assessed, reason: reason)
                } else {
                    .confirmed(c.relation)
                }
            let rating = CareLevelCalculator.rate(
                AssessmentInput(
                    guardianCategory: category, harmLevel: c.harm, guardianRating: c.rating,
                    scores: try scores(c.scores)))
            #expect(rating.careLevel.hearts == c.hearts)
            #expect(rating.tier == c.tier)
            #expect(rating.decidedBy.first == c.keyRule)
            #expect(
                rating.reasons.count == rating.decidedBy.count
                    + (rating.decidedBy.contains(.scores) ? 0 : 1))
            #expect(rating.reasons.allSatisfy { $0.contains(" / ") })
        }

        @Test func categoryOneReasonReadsAsTheOfficerExpects() throws {
            let rating = try rate(.none, scores: [2, 1, 1, 1, 1])
            #expect(
                rating.reasons == [
                    "无监护人（1类）：按规定列为4心重点关注 / Category 1 (no guardian): care level 4",
                    "仅按五项评分为2心（最高2分） / The scores alone give care level 2 (highest score 2)",
                ])
            #expect(rating.scoreLevel == .two)
        }

        @Test func everyDecidingOverrideIsListed() throws {
            let rating = try rate(
                .none, harm: .poorGuardianship, rating: .poor, scores: [4, 1, 1, 1, 1])
            #expect(rating.decidedBy == [.categoryOne, .severeHarm, .poorGuardian, .scores])
            #expect(rating.reasons.count == 4)
            #expect(rating.reasons[1].hasPrefix("伤害等级二级（监护不力"))
            #expect(rating.reasons[2].hasPrefix("委托监护人评估为“差”"))
            #expect(
                rating.reasons[3]
                    == "心理评分4分（五项中最高）：4心 / Highest dimension score 4 (psychology): care level 4")
        }

        @Test func scoreReasonNamesEveryWorstDimension() throws {
            let rating = try rate(.grandparent, scores: [3, 1, 3, 1, 2])
            #expect(
                rating.reasons == [
                    "心理、学业评分3分（五项中最高）：3心 / Highest dimension score 3 (psychology, studies): care level 3"
                ])
        }

        @Test func noConcernReason() throws {
            let rating = try rate(.grandparent)
            #expect(
                rating.reasons == [
                    "五项评估均无问题：1心 / No concern in any of the five dimensions: care level 1"
                ])
        }

        @Test func ratingCarriesTheAssessedCategory() throws {
            let category = try GuardianCategoryAssessment(
                relation: .parent, assessed: .grandparent, reason: "外婆照料")
            let rating = CareLevelCalculator.rate(
                AssessmentInput(
                    guardianCategory: category, harmLevel: nil, guardianRating: .good,
                    scores: try scores([1, 1, 1, 1, 1])))
            #expect(rating.guardianCategory == .grandparent)
        }
    }
}
