import AssessmentDomain
import ShouhuEvents
import Testing

extension AssessmentDomainTests {
    @Suite struct EscalationTests {
        // MARK: - First assessment

        @Test(arguments: [
            ([1, 1, 1, 1, 1], HarmLevel?.none),
            ([1, 2, 1, 1, 1], nil),
            ([3, 1, 1, 1, 1], nil),
            ([1, 1, 1, 1, 1], .neglect),
            ([2, 1, 1, 1, 1], .lackingCapacity),
        ])
        func firstGeneralTierAssessmentIsABaseline(values: [Int], harm: HarmLevel?) throws {
            let current = try rate(.grandparent, harm: harm, scores: values)
            let decision = Escalation.compare(previous: nil, current: current)
            #expect(decision.outcome == .baseline)
            #expect(!decision.isEscalation)
            #expect(decision.isFirstAssessment)
            #expect(decision.fromCareLevel == nil)
            #expect(decision.toCareLevel == current.careLevel)
            #expect(decision.reasons.count == 1)
            #expect(decision.reasons[0].hasPrefix("首次评估：\(current.careLevel.chineseName)，普遍关注"))
        }

        @Test func firstKeyTierAssessmentEscalates() throws {
            let current = try rate(.none)
            let decision = Escalation.compare(previous: nil, current: current)
            #expect(decision.outcome == .escalated)
            #expect(decision.isFirstAssessment)
            #expect(decision.toCareLevel == .four)
            #expect(
                decision.reasons == [
                    "首次评估即为4心重点关注 / First assessment: care level 4 (key tier)",
                    "无监护人（1类）：按规定列为4心重点关注 / Category 1 (no guardian): care level 4",
                ])
        }

        @Test(arguments: [HarmLevel.noGuardianship, .poorGuardianship])
        func firstAssessmentWithSevereHarmEscalatesEvenWithTheOverrideOff(harm: HarmLevel) throws {
            let current = try rate(
                .grandparent, harm: harm, policy: CarePolicy(severeHarmIsKey: false))
            #expect(current.careLevel == .one)
            let decision = Escalation.compare(previous: nil, current: current)
            #expect(decision.outcome == .escalated)
            #expect(decision.toHarmLevel == harm)
            #expect(decision.reasons[0].hasPrefix("首次评估伤害等级为\(harm.chineseName)"))
        }

        @Test func firstAssessmentAlertLinesAreSettings() throws {
            let current = try rate(.grandparent, harm: .neglect, scores: [3, 1, 1, 1, 1])
            #expect(Escalation.compare(previous: nil, current: current).outcome == .baseline)

            let byLevel = EscalationPolicy(firstAssessmentAlertFromCareLevel: .three)
            #expect(
                Escalation.compare(previous: nil, current: current, policy: byLevel).outcome
                    == .escalated)

            let byHarm = EscalationPolicy(firstAssessmentAlertFromHarmLevel: .neglect)
            #expect(
                Escalation.compare(previous: nil, current: current, policy: byHarm).outcome
                    == .escalated)

            let severe = try rate(
                .grandparent, harm: .poorGuardianship, policy: CarePolicy(severeHarmIsKey: false))
            let onlyLevelOne = EscalationPolicy(firstAssessmentAlertFromHarmLevel: .noGuardianship)
            #expect(
                Escalation.compare(previous: nil, current: severe, policy: onlyLevelOne).outcome
                    == .baseline)
        }

        // MARK: - Rises

        @Test func careLevelRiseWithinGeneralTierEscalates() throws {
            let previous = try rate(.grandparent, scores: [2, 1, 1, 1, 1])
            let current = try rate(.grandparent, scores: [3, 1, 1, 1, 1])
            let decision = Escalation.compare(previous: previous, current: current)
            #expect(decision.outcome == .escalated)
            #expect(!decision.isFirstAssessment)
            #expect(decision.fromCareLevel == .two)
            #expect(decision.toCareLevel == .three)
            #expect(decision.reasons[0] == "关爱等级由2心升至3心 / Care level rose from 2 to 3")
            #expect(decision.reasons.last == current.reasons[0])
        }

        @Test func riseIntoKeyTierSaysSo() throws {
            let previous = try rate(.grandparent, scores: [3, 1, 1, 1, 1])
            let current = try rate(.grandparent, rating: .poor, scores: [3, 1, 1, 1, 1])
            let decision = Escalation.compare(previous: previous, current: current)
            #expect(decision.isEscalation)
            #expect(
                decision.reasons == [
                    "关爱等级由3心升至4心，转为重点关注（二对一） / Care level rose from 3 to 4; now key tier (two-on-one)",
                    "委托监护人评估为“差”：按规定列为4心重点关注 / Guardian rated poor: care level 4",
                ])
        }

        @Test func harmNewlyRecordedAtTheSameCareLevelEscalates() throws {
            let previous = try rate(.grandparent, scores: [3, 1, 1, 1, 1])
            let current = try rate(.grandparent, harm: .lackingCapacity, scores: [3, 1, 1, 1, 1])
            let decision = Escalation.compare(previous: previous, current: current)
            #expect(previous.careLevel == current.careLevel)
            #expect(decision.outcome == .escalated)
            #expect(decision.fromHarmLevel == nil)
            #expect(decision.toHarmLevel == .lackingCapacity)
            #expect(decision.reasons[0].hasPrefix("新评定伤害等级四级"))
        }

        @Test func harmMoreSevereAtKeyTierEscalates() throws {
            let previous = try rate(.grandparent, harm: .poorGuardianship)
            let current = try rate(.grandparent, harm: .noGuardianship)
            let decision = Escalation.compare(previous: previous, current: current)
            #expect(previous.careLevel == .four && current.careLevel == .four)
            #expect(decision.outcome == .escalated)
            #expect(decision.reasons[0].hasPrefix("伤害等级由二级加重为一级"))
            #expect(decision.reasons[0].contains("Harm level more severe: 2 → 1"))
        }

        @Test func riseWinsOverAnImprovement() throws {
            let previous = try rate(.grandparent, harm: .neglect, scores: [2, 1, 1, 1, 1])
            let current = try rate(.grandparent, harm: .lackingCapacity, scores: [4, 1, 1, 1, 1])
            let decision = Escalation.compare(previous: previous, current: current)
            #expect(decision.outcome == .escalated)
            #expect(decision.reasons[0].hasPrefix("关爱等级由3心升至4心"))
            #expect(decision.reasons[1].hasPrefix("伤害等级由三级减轻为四级"))
        }

        @Test func moreSevereHarmEscalatesEvenWhenTheCareLevelFalls() throws {
            let scoresOnly = CarePolicy(
                categoryOneIsKey: false, severeHarmIsKey: false, poorGuardianIsKey: false,
                moderateHarmRaisesFloor: false)
            let previous = try rate(
                .grandparent, harm: .lackingCapacity, scores: [3, 1, 1, 1, 1], policy: scoresOnly)
            let current = try rate(
                .grandparent, harm: .poorGuardianship, scores: [2, 1, 1, 1, 1], policy: scoresOnly)
            let decision = Escalation.compare(previous: previous, current: current)
            #expect(decision.outcome == .escalated)
            #expect(decision.reasons[0].hasPrefix("伤害等级由四级加重为二级"))
            #expect(decision.reasons[1].hasPrefix("关爱等级由3心降至2心"))
        }

        // MARK: - Falls and no change

        @Test func careLevelFallIsADeescalation() throws {
            let previous = try rate(.grandparent, rating: .poor)
            let current = try rate(.grandparent, rating: .fair, scores: [2, 1, 1, 1, 1])
            let decision = Escalation.compare(previous: previous, current: current)
            #expect(decision.outcome == .deescalated)
            #expect(!decision.isEscalation)
            #expect(
                decision.reasons == [
                    "关爱等级由4心降至2心，转为普遍关注 / Care level fell from 4 to 2; now general tier"
                ])
        }

        @Test func harmImprovingAtTheSameLevelIsADeescalation() throws {
            let previous = try rate(.grandparent, harm: .poorGuardianship, rating: .poor)
            let current = try rate(.grandparent, harm: .neglect, rating: .poor)
            let decision = Escalation.compare(previous: previous, current: current)
            #expect(decision.outcome == .deescalated)
            #expect(decision.reasons == ["伤害等级由二级减轻为三级 / Harm level improved: 2 → 3"])
        }

        @Test func harmClearedIsADeescalation() throws {
            let previous = try rate(.grandparent, harm: .neglect, scores: [3, 1, 1, 1, 1])
            let current = try rate(.grandparent, scores: [3, 1, 1, 1, 1])
            let decision = Escalation.compare(previous: previous, current: current)
            #expect(decision.outcome == .deescalated)
            #expect(decision.fromHarmLevel == .neglect)
            #expect(decision.toHarmLevel == nil)
            #expect(decision.reasons == ["伤害等级已解除（原为三级） / Harm level cleared (was 3)"])
        }

        @Test func sameLevelsAreUnchanged() throws {
            let previous = try rate(.grandparent, harm: .neglect, scores: [2, 1, 1, 1, 1])
            let current = try rate(
                .otherRelative, harm: .neglect, rating: .fair, scores: [1, 1, 3, 1, 1])
            let decision = Escalation.compare(previous: previous, current: current)
            #expect(decision.outcome == .unchanged)
            #expect(decision.fromCareLevel == .three && decision.toCareLevel == .three)
            #expect(
                decision.reasons == [
                    "关爱等级（3心）与伤害等级均无变化 / No change in care level (3) or harm level"
                ])
        }
    }
}
