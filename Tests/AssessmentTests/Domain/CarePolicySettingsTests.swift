import AssessmentDomain
import ShouhuEvents
import Testing

extension AssessmentDomainTests {
    /// Every setting of `CarePolicy`, each with both values.
    @Suite struct CarePolicySettingsTests {
        @Test func standardIsDomainDefaults() {
            let p = CarePolicy.standard
            #expect(p.combination == .highestDimension)
            #expect(p.categoryOneIsKey && p.severeHarmIsKey && p.poorGuardianIsKey)
            #expect(p.moderateHarmRaisesFloor)
            #expect(p.moderateHarmFloor == .three)
            #expect(p == CarePolicy())
        }

        // MARK: - Overrides on and off

        @Test(arguments: [GuardianRelation.none, .designated, .parent])
        func categoryOneOverride(relation: GuardianRelation) throws {
            var policy = CarePolicy.standard
            let on = try rate(relation, scores: [2, 1, 1, 1, 1], policy: policy)
            #expect(on.careLevel == .four)
            #expect(on.tier == .key)
            #expect(on.decidedBy == [.categoryOne])

            policy.categoryOneIsKey = false
            let off = try rate(relation, scores: [2, 1, 1, 1, 1], policy: policy)
            #expect(off.careLevel == .two)
            #expect(off.tier == .general)
            #expect(off.decidedBy == [.scores])
        }

        @Test(arguments: [HarmLevel.noGuardianship, .poorGuardianship])
        func severeHarmOverride(harm: HarmLevel) throws {
            var policy = CarePolicy.standard
            let on = try rate(.grandparent, harm: harm, policy: policy)
            #expect(on.careLevel == .four)
            #expect(on.decidedBy == [.severeHarm])

            policy.severeHarmIsKey = false
            let off = try rate(.grandparent, harm: harm, policy: policy)
            #expect(off.careLevel == .one)
            #expect(off.decidedBy == [.scores])
            #expect(off.harmLevel == harm)
        }

        @Test func poorGuardianOverride() throws {
            var policy = CarePolicy.standard
            let on = try rate(
                .otherRelative, rating: .poor, scores: [1, 1, 1, 3, 1], policy: policy)
            #expect(on.careLevel == .four)
            #expect(on.decidedBy == [.poorGuardian])

            policy.poorGuardianIsKey = false
            let off = try rate(
                .otherRelative, rating: .poor, scores: [1, 1, 1, 3, 1], policy: policy)
            #expect(off.careLevel == .three)
            #expect(off.decidedBy == [.scores])
        }

        @Test(arguments: [GuardianRating.good, .fair])
        func onlyAPoorRatingTriggersTheOverride(rating: GuardianRating) throws {
            #expect(try rate(.grandparent, rating: rating).careLevel == .one)
        }

        @Test(arguments: [HarmLevel.neglect, .lackingCapacity])
        func moderateHarmFloor(harm: HarmLevel) throws {
            var policy = CarePolicy.standard
            let on = try rate(.grandparent, harm: harm, scores: [1, 2, 1, 1, 1], policy: policy)
            #expect(on.careLevel == .three)
            #expect(on.decidedBy == [.moderateHarmFloor])
            #expect(on.reasons[0].contains("至少列为3心"))

            policy.moderateHarmRaisesFloor = false
            let off = try rate(.grandparent, harm: harm, scores: [1, 2, 1, 1, 1], policy: policy)
            #expect(off.careLevel == .two)
            #expect(off.decidedBy == [.scores])
        }

        @Test(arguments: [
            (CareLevel.one, CareLevel.two), (.two, .two), (.three, .three), (.four, .four),
        ])
        func moderateHarmFloorLevel(floor: CareLevel, expected: CareLevel) throws {
            let policy = CarePolicy(moderateHarmFloor: floor)
            let rating = try rate(
                .grandparent, harm: .neglect, scores: [2, 1, 1, 1, 1], policy: policy)
            #expect(rating.careLevel == expected)
            // A floor the scores already meet decided nothing.
            #expect(rating.decidedBy == (floor > .two ? [.moderateHarmFloor] : [.scores]))
        }

        @Test func floorDoesNotApplyToSevereHarmWhenTheirOverrideIsOff() throws {
            let policy = CarePolicy(severeHarmIsKey: false)
            #expect(
                try rate(.grandparent, harm: .poorGuardianship, policy: policy).careLevel == .one)
        }

        @Test func allOverridesOffLeavesTheScores() throws {
            let policy = CarePolicy(
                categoryOneIsKey: false, severeHarmIsKey: false, poorGuardianIsKey: false,
                moderateHarmRaisesFloor: false)
            let rating = try rate(
                .none, harm: .noGuardianship, rating: .poor, scores: [1, 1, 2, 1, 1], policy: policy
            )
            #expect(rating.careLevel == .two)
            #expect(rating.decidedBy == [.scores])
        }

        @Test func overridesNeverLowerTheLevel() throws {
            let rating = try rate(.grandparent, harm: .lackingCapacity, scores: [4, 1, 1, 1, 1])
            #expect(rating.careLevel == .four)
            #expect(rating.decidedBy == [.scores])
        }

        // MARK: - Combining the scores

        @Test(arguments: [
            ([1, 1, 1, 1, 1], CareLevel.one),
            ([2, 1, 1, 1, 1], .two),
            ([2, 2, 2, 2, 2], .two),
            ([1, 1, 3, 1, 1], .three),
            ([3, 3, 3, 3, 3], .three),
            ([1, 1, 1, 1, 4], .four),
        ])
        func highestDimensionBoundaries(values: [Int], expected: CareLevel) throws {
            #expect(try rate(.grandparent, scores: values).careLevel == expected)
        }

        @Test(arguments: [
            ([1, 1, 1, 1, 1], 5, CareLevel.one),
            ([2, 2, 1, 1, 1], 7, .one),
            ([2, 2, 2, 1, 1], 8, .two),
            ([3, 3, 2, 2, 1], 11, .two),
            ([3, 3, 2, 2, 2], 12, .three),
            ([4, 3, 3, 3, 2], 15, .three),
            ([4, 3, 3, 3, 3], 16, .four),
            ([4, 4, 4, 4, 4], 20, .four),
        ])
        func sumThresholdBoundaries(values: [Int], total: Int, expected: CareLevel) throws {
            let policy = CarePolicy(combination: .sumOfScores(.standard))
            let rating = try rate(.grandparent, scores: values, policy: policy)
            #expect(rating.scores.total == total)
            #expect(rating.careLevel == expected)
            #expect(rating.decidedBy == [.scores])
            #expect(rating.reasons[0].hasPrefix("五项评分合计\(total)分"))
        }

        @Test func sameScoresDifferByCombination() throws {
            let values = [4, 1, 1, 1, 1]
            #expect(try rate(.grandparent, scores: values).careLevel == .four)
            let sum = CarePolicy(combination: .sumOfScores(.standard))
            #expect(try rate(.grandparent, scores: values, policy: sum).careLevel == .two)
        }

        @Test func sumReasonNamesTheBand() throws {
            let sum = CarePolicy(combination: .sumOfScores(.standard))
            let rating = try rate(.grandparent, scores: [2, 2, 2, 2, 1], policy: sum)
            #expect(
                rating.reasons == [
                    "五项评分合计9分（8–11分为2心）：2心 / Dimension scores total 9 (8–11 is care level 2): care level 2"
                ])
        }

        @Test func customSumThresholds() throws {
            let thresholds = try SumThresholds(
                twoHeartsFrom: 7, threeHeartsFrom: 10, fourHeartsFrom: 13)
            let policy = CarePolicy(combination: .sumOfScores(thresholds))
            #expect(
                try rate(.grandparent, scores: [2, 1, 1, 1, 1], policy: policy).careLevel == .one)
            #expect(
                try rate(.grandparent, scores: [2, 2, 1, 1, 1], policy: policy).careLevel == .two)
            #expect(
                try rate(.grandparent, scores: [2, 2, 2, 2, 2], policy: policy).careLevel == .three)
            #expect(
                try rate(.grandparent, scores: [3, 3, 3, 2, 2], policy: policy).careLevel == .four)
            #expect(thresholds.totals(for: .one) == 5...6)
            #expect(thresholds.totals(for: .four) == 13...20)
        }

        @Test(arguments: [(5, 12, 16), (8, 8, 16), (8, 12, 11), (8, 12, 21)])
        func invalidSumThresholdsAreRefused(two: Int, three: Int, four: Int) {
            #expect(
                throws: AssessmentRuleError.invalidSumThresholds(
                    twoHeartsFrom: two, threeHeartsFrom: three, fourHeartsFrom: four)
            ) {
                try SumThresholds(twoHeartsFrom: two, threeHeartsFrom: three, fourHeartsFrom: four)
            }
        }

        @Test func tierIsKeyOnlyAtFourHearts() {
            #expect(CareLevel.allCases.map(\.tier) == [.general, .general, .general, .key])
        }
    }
}
