import AssessmentDomain
import ShouhuEvents
import Testing

extension AssessmentDomainTests {
    @Suite struct HarmLevelTests {
        @Test func levelOneIsTheMostSevere() {
            #expect(HarmLevel.noGuardianship.isMoreSevere(than: .poorGuardianship))
            #expect(HarmLevel.poorGuardianship.isMoreSevere(than: .neglect))
            #expect(HarmLevel.neglect.isMoreSevere(than: .lackingCapacity))
            #expect(!HarmLevel.lackingCapacity.isMoreSevere(than: .neglect))
            #expect(!HarmLevel.neglect.isMoreSevere(than: .neglect))
        }

        @Test(arguments: HarmLevel.allCases)
        func anyLevelIsMoreSevereThanNone(level: HarmLevel) {
            #expect(level.isMoreSevere(than: nil))
            #expect(!HarmLevel.isMoreSevere(nil, than: level))
        }

        @Test func noneIsNotMoreSevereThanNone() {
            #expect(!HarmLevel.isMoreSevere(nil, than: nil))
            #expect(HarmLevel.severity(of: nil) == 0)
            #expect(HarmLevel.allCases.map { HarmLevel.severity(of: $0) } == [4, 3, 2, 1])
        }

        @Test func definitionsQuoteTheSeed() {
            #expect(HarmLevel.noGuardianship.definition.contains("流浪乞讨"))
            #expect(HarmLevel.poorGuardianship.definition.contains("辍学以及染上不良行为"))
            #expect(HarmLevel.neglect.definition.contains("体罚及不公正对待"))
            #expect(HarmLevel.lackingCapacity.definition.contains("偶尔会逃学"))
            #expect(HarmLevel.allCases.map(\.chineseName) == ["一级", "二级", "三级", "四级"])
        }

        @Test func guardianRatingDefinitionsQuoteTheSeed() {
            #expect(GuardianRating.good.definition.hasPrefix("委托监护人较好履行监护职责"))
            #expect(GuardianRating.fair.definition.contains("潜在风险"))
            #expect(GuardianRating.poor.definition.hasPrefix("无监护人或委托监护人不能履行监护职责"))
            #expect(GuardianRating.allCases.map(\.chineseName) == ["较好", "一般", "差"])
        }
    }
}
