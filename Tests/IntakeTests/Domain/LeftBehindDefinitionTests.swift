import IntakeDomain
import ShouhuEvents
import Testing

@Suite("Left-behind definition (留守儿童认定)")
struct LeftBehindDefinitionTests {
    typealias D = Fixtures

    let reference = D.date("2026-06-30")
    let birth = D.date("2015-03-10")

    func away(_ role: ParentRole, since: String?) -> ParentSituation {
        ParentSituation(role: role, status: .workingAway, since: since.map(D.date))
    }

    func parent(_ role: ParentRole, _ status: ParentStatus) -> ParentSituation {
        ParentSituation(role: role, status: status)
    }

    var bothAwayLongAgo: [ParentSituation] {
        [away(.father, since: "2025-02-01"), away(.mother, since: "2024-10-15")]
    }

    func evaluate(
        birth: CalendarDate? = nil, _ parents: [ParentSituation], policy: LeftBehindPolicy = .countyDefault,
        on day: CalendarDate? = nil
    ) -> Eligibility {
        LeftBehindDefinition.evaluate(
            birthDate: birth ?? self.birth, parents: parents, policy: policy, on: day ?? reference)
    }

    @Test func defaultsAreTheSeeds() {
        let policy = LeftBehindPolicy.countyDefault
        #expect(policy.ageLimit == 18)
        #expect(policy.minimumMonthsAway == 3)
        #expect(policy.oneParentIncapableRule)
        // domain.md names disabled or seriously ill; a deceased parent counts only by county choice.
        #expect(!policy.deceasedParentCountsAsIncapable)
        #expect(policy.surveyReferenceDate == nil)
        #expect(policy.problems.isEmpty)
    }

    @Test func bothParentsAwayLongEnoughIsEligible() {
        #expect(evaluate(bothAwayLongAgo) == .eligible)
        #expect(evaluate(bothAwayLongAgo.reversed()) == .eligible)
    }

    // MARK: Age

    @Test func ageLimitDayBeforeAndOnTheBirthday() {
        let eighteenthBirthday = D.date("2026-06-30")
        let bornOn = D.date("2008-06-30")
        #expect(
            evaluate(birth: bornOn, bothAwayLongAgo, on: eighteenthBirthday.adding(days: -1)) == .eligible)
        let onBirthday = evaluate(birth: bornOn, bothAwayLongAgo, on: eighteenthBirthday)
        #expect(!onBirthday.isEligible)
        #expect(onBirthday.reasons.count == 1)
        #expect(onBirthday.reasons[0].contains("18"))
        #expect(
            LeftBehindDefinition.agedOut(birthDate: bornOn, on: eighteenthBirthday.adding(days: -1)) == false)
        #expect(LeftBehindDefinition.agedOut(birthDate: bornOn, on: eighteenthBirthday))
    }

    @Test(arguments: [16, 18])
    func ageLimitSettingBothValues(limit: Int) {
        let policy = LeftBehindPolicy(ageLimit: limit)
        let bornOn = D.date("2010-06-30")  // 16 on 2026-06-30
        let result = evaluate(birth: bornOn, bothAwayLongAgo, policy: policy)
        #expect(result.isEligible == (limit == 18))
        #expect(evaluate(birth: bornOn, bothAwayLongAgo, policy: policy, on: D.date("2026-06-29")).isEligible)
        #expect(
            LeftBehindDefinition.agedOut(birthDate: bornOn, on: reference, policy: policy) == (limit == 16))
    }

    @Test func leapDayBirthdayAgesOutOnFirstOfMarch() {
        let bornOn = D.date("2008-02-29")
        #expect(!LeftBehindDefinition.agedOut(birthDate: bornOn, on: D.date("2026-02-28")))
        #expect(LeftBehindDefinition.agedOut(birthDate: bornOn, on: D.date("2026-03-01")))
        #expect(LeftBehindDefinition.ageOutDate(birthDate: bornOn) == D.date("2026-03-01"))
        #expect(
            LeftBehindDefinition.ageOutDate(birthDate: D.date("2008-02-29"), policy: .init(ageLimit: 16))
                == D.date("2024-02-29"))
        #expect(LeftBehindDefinition.ageOutDate(birthDate: D.date("2010-07-15")) == D.date("2028-07-15"))
    }

    @Test func ageOutDateAgreesWithAgedOut() {
        var day = D.date("2007-01-01")
        while day < D.date("2009-01-01") {
            let out = LeftBehindDefinition.ageOutDate(birthDate: day)
            #expect(LeftBehindDefinition.agedOut(birthDate: day, on: out))
            #expect(!LeftBehindDefinition.agedOut(birthDate: day, on: out.adding(days: -1)))
            day = day.adding(days: 1)
        }
    }

    @Test func childBornAfterTheReferenceDateDoesNotCountYet() {
        let result = evaluate(birth: reference.adding(days: 1), bothAwayLongAgo)
        #expect(!result.isEligible)
        #expect(result.reasons.first?.contains("after the reference date") == true)
    }

    // MARK: Months away

    @Test func exactlyThreeMonthsAwayVersusOneDayShort() throws {
        let day = D.date("2026-06-15")
        let mother = away(.mother, since: "2025-01-01")
        #expect(evaluate([away(.father, since: "2026-03-15"), mother], on: day) == .eligible)
        let short = evaluate([away(.father, since: "2026-03-16"), mother], on: day)
        #expect(!short.isEligible)
        try #require(short.reasons.count == 1)
        #expect(short.reasons[0].contains("2026-03-16"))
        #expect(short.reasons[0].contains("less than 3 months"))
    }

    @Test func monthEndsClampTheThreeMonths() {
        // 31 January plus three months is 30 April: April has no 31st.
        let parents = [away(.father, since: "2026-01-31"), away(.mother, since: "2026-01-31")]
        #expect(!evaluate(parents, on: D.date("2026-04-29")).isEligible)
        #expect(evaluate(parents, on: D.date("2026-04-30")) == .eligible)
        // 30 November plus three months is 28 February in a common year, 29 in a leap year.
        let november = [away(.father, since: "2025-11-30"), away(.mother, since: "2025-11-30")]
        #expect(!evaluate(november, on: D.date("2026-02-27")).isEligible)
        #expect(evaluate(november, on: D.date("2026-02-28")) == .eligible)
        let leap = [away(.father, since: "2023-11-30"), away(.mother, since: "2023-11-30")]
        #expect(!evaluate(leap, on: D.date("2024-02-28")).isEligible)
        #expect(evaluate(leap, on: D.date("2024-02-29")) == .eligible)
    }

    @Test(arguments: [1, 3, 6])
    func minimumMonthsSetting(months: Int) {
        let policy = LeftBehindPolicy(minimumMonthsAway: months)
        let left = D.date("2026-02-15")
        let parents = [away(.father, since: "2026-02-15"), away(.mother, since: "2020-01-01")]
        let firstQualifyingDay = left.adding(months: months)
        #expect(!evaluate(parents, policy: policy, on: firstQualifyingDay.adding(days: -1)).isEligible)
        #expect(evaluate(parents, policy: policy, on: firstQualifyingDay) == .eligible)
    }

    @Test func workingAwayWithoutSinceIsNotEnoughInformation() {
        let result = evaluate([away(.father, since: nil), away(.mother, since: "2024-01-01")])
        #expect(
            result
                == .notLeftBehind(reasons: [
                    "The father is working away but the date he left is not recorded: not enough information to decide (缺少父亲外出时间，无法认定)."
                ]))
    }

    @Test func parentLeavingAfterTheReferenceDateIsNotAway() {
        let result = evaluate([away(.father, since: "2026-07-05"), away(.mother, since: "2024-01-01")])
        #expect(!result.isEligible)
    }

    // MARK: One parent away

    @Test(arguments: [true, false])
    func oneParentAwayOtherDisabledOrIll(rule: Bool) {
        let policy = LeftBehindPolicy(oneParentIncapableRule: rule)
        let parents = [away(.father, since: "2025-01-01"), parent(.mother, .disabledOrIll)]
        let result = evaluate(parents, policy: policy)
        #expect(result.isEligible == rule)
        if !rule {
            #expect(
                result.reasons == [
                    "The mother is disabled or seriously ill (母亲残疾或重病), but the county's policy counts only children whose parents are both away (未启用“一方外出务工另一方无监护能力”认定)."
                ])
        }
        // The other way round too.
        let swapped = [parent(.father, .disabledOrIll), away(.mother, since: "2025-01-01")]
        #expect(evaluate(swapped, policy: policy).isEligible == rule)
    }

    @Test(arguments: [true, false], [true, false])
    func oneParentAwayOtherDeceased(rule: Bool, deceasedCounts: Bool) {
        let policy = LeftBehindPolicy(
            oneParentIncapableRule: rule, deceasedParentCountsAsIncapable: deceasedCounts)
        let parents = [parent(.father, .deceased), away(.mother, since: "2025-01-01")]
        let result = evaluate(parents, policy: policy)
        #expect(result.isEligible == (rule && deceasedCounts))
        if !result.isEligible {
            #expect(result.reasons.count == 1)
            #expect(result.reasons[0].hasPrefix("The father is deceased"))
        }
    }

    @Test(arguments: [true, false])
    func oneParentRuleNeedsTheOtherAwayLongEnough(rule: Bool) {
        let policy = LeftBehindPolicy(oneParentIncapableRule: rule)
        let parents = [away(.father, since: "2026-05-01"), parent(.mother, .disabledOrIll)]
        let result = evaluate(parents, policy: policy)
        #expect(!result.isEligible)
        #expect(result.reasons.contains { $0.contains("Neither parent") })
    }

    @Test(arguments: [true, false])
    func parentAtHomeIsNeverLeftBehind(rule: Bool) {
        let policy = LeftBehindPolicy(oneParentIncapableRule: rule)
        let result = evaluate([away(.father, since: "2024-01-01"), parent(.mother, .atHome)], policy: policy)
        #expect(result == .notLeftBehind(reasons: ["The mother lives at home (母亲在家)."]))
    }

    @Test func unknownMissingAndDuplicatedParents() {
        let unknown = evaluate([away(.father, since: "2024-01-01"), parent(.mother, .unknown)])
        #expect(
            unknown.reasons == ["The mother's situation is unknown: find out before deciding (母亲情况不明，需核实)."])
        let missing = evaluate([away(.father, since: "2024-01-01")])
        #expect(missing.reasons == ["There is no entry for the mother (缺少母亲信息)."])
        let twice = evaluate([
            away(.father, since: "2024-01-01"), away(.father, since: "2024-01-01"),
            away(.mother, since: "2024-01-01"),
        ])
        #expect(twice.reasons == ["There is more than one entry for the father (父亲信息重复)."])
    }

    @Test func bothIncapableIsNotLeftBehind() {
        let result = evaluate([parent(.father, .disabledOrIll), parent(.mother, .deceased)])
        #expect(result.reasons.count == 3)
        #expect(result.reasons[0].hasPrefix("Neither parent has been working away for 3 months"))
    }

    @Test func everyReasonIsGivenAtOnce() {
        let result = evaluate(
            birth: D.date("2000-01-01"), [parent(.father, .atHome), away(.mother, since: nil)])
        #expect(result.reasons.count == 4)  // age, neither away, father at home, mother's date
    }

    // MARK: Reference date

    @Test func surveyReferenceDateSetting() {
        let survey = D.date("2026-06-01")
        let withSurvey = LeftBehindPolicy(surveyReferenceDate: survey)
        #expect(withSurvey.referenceDate(today: D.date("2026-06-20")) == survey)
        #expect(withSurvey.referenceDate(today: D.date("2026-05-20")) == D.date("2026-05-20"))
        #expect(LeftBehindPolicy().referenceDate(today: D.date("2026-06-20")) == D.date("2026-06-20"))

        // A child who turns 18 between the survey's date and the day of entry is counted in the
        // survey, and not without it.
        let bornOn = D.date("2008-06-10")
        let today = D.date("2026-06-20")
        #expect(
            evaluate(
                birth: bornOn, bothAwayLongAgo, policy: withSurvey, on: withSurvey.referenceDate(today: today)
            ).isEligible)
        let noSurvey = LeftBehindPolicy()
        #expect(
            !evaluate(
                birth: bornOn, bothAwayLongAgo, policy: noSurvey, on: noSurvey.referenceDate(today: today)
            ).isEligible)
    }

    @Test func policyProblems() {
        #expect(LeftBehindPolicy(ageLimit: 19).problems.count == 1)
        #expect(LeftBehindPolicy(ageLimit: 0, minimumMonthsAway: -1).problems.count == 2)
        #expect(LeftBehindPolicy(ageLimit: 16, minimumMonthsAway: 6).problems.isEmpty)
    }
}
