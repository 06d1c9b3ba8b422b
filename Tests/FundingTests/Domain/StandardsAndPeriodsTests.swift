import FundingDomain
import ShouhuEvents
import Testing

@Suite("Subsidy standards per stage and period")
struct StandardsAndPeriodsTests {
    @Test("the seed's standards: 500/800/1,300 yuan a semester, 400 yuan a month at university")
    func seedStandards() {
        let standards = SubsidyStandards.seed
        #expect(standards.amountFen(for: .primary, kind: .semester) == 50_000)
        #expect(standards.amountFen(for: .juniorHigh, kind: .semester) == 80_000)
        #expect(standards.amountFen(for: .seniorHigh, kind: .semester) == 130_000)
        #expect(standards.amountFen(for: .vocational, kind: .semester) == 130_000)
        #expect(standards.amountFen(for: .university, kind: .month) == 40_000)
    }

    @Test("a stage is paid only by its kind of period, and preschool or out of school not at all")
    func kindMustMatch() {
        let standards = SubsidyStandards.seed
        #expect(standards.amountFen(for: .primary, kind: .month) == nil)
        #expect(standards.amountFen(for: .university, kind: .semester) == nil)
        for stage in [SchoolStage.preschool, .notInSchool] {
            #expect(standards.amountFen(for: stage, kind: .semester) == nil)
            #expect(standards.amountFen(for: stage, kind: .month) == nil)
        }
    }

    @Test("a county's own figures replace the seed's, vocational following senior high unless set")
    func countyFigures() {
        let own = SubsidyStandards(primarySemesterFen: 60_000, seniorHighSemesterFen: 150_000, universityMonthFen: 50_000)
        #expect(own.amountFen(for: .primary, kind: .semester) == 60_000)
        #expect(own.amountFen(for: .vocational, kind: .semester) == 150_000)
        #expect(own.amountFen(for: .university, kind: .month) == 50_000)
        #expect(SubsidyStandards(vocationalSemesterFen: 90_000).amountFen(for: .vocational, kind: .semester) == 90_000)
    }

    @Test("the entitlement prices each stage for its period")
    func entitlementPrices() {
        let policy = FundingPolicy()
        let cases: [(SchoolStage, String, Int64?)] = [
            (.primary, "2026-S2", 50_000), (.juniorHigh, "2026-S1", 80_000), (.seniorHigh, "2026-S2", 130_000),
            (.university, "2026-09", 40_000), (.university, "2026-S2", nil), (.primary, "2026-09", nil),
        ]
        for (stage, name, expected) in cases {
            let child = FundingFixtures.child(1, stage: stage)
            let decision = Entitlement.decide(child, period: DisbursementPeriod(name)!, on: FundingFixtures.today,
                                              standing: .init(hasAccount: true), policy: policy)
            if let expected {
                #expect(decision == .included(amountFen: expected, rules: [.singleParent]), "\(stage) \(name)")
            } else {
                #expect(decision == .notCandidate(.stageNotPaid), "\(stage) \(name)")
            }
        }
    }

    @Test("semesters are named YYYY-S1/S2 (or spring/autumn) and tile the county's year without a gap")
    func semesterNamesAndDays() {
        let autumn = DisbursementPeriod("2026-autumn")!
        #expect(autumn == DisbursementPeriod("2026-S2"))
        #expect(autumn.name == "2026-S2")
        #expect(autumn.firstDay == CalendarDate("2026-08-01"))
        #expect(autumn.lastDay == CalendarDate("2027-01-31"))
        #expect(autumn.budgetYear == 2026)
        let spring = DisbursementPeriod("2027-spring")!
        #expect(spring.firstDay == CalendarDate("2027-02-01"))
        #expect(spring.lastDay == CalendarDate("2027-07-31"))
        #expect(autumn.lastDay.adding(days: 1) == spring.firstDay)
        #expect(DisbursementPeriod.containing(CalendarDate("2027-01-15")!, kind: .semester) == autumn)
        #expect(DisbursementPeriod.containing(CalendarDate("2027-02-01")!, kind: .semester) == spring)
        #expect(DisbursementPeriod("2028-02")!.lastDay == CalendarDate("2028-02-29"))
        #expect(FieldFormat.isDisbursementPeriod(autumn.name) && FieldFormat.isDisbursementPeriod(DisbursementPeriod("2026-09")!.name))
    }

    @Test("period text that is not a semester or month is refused", arguments: ["", "2026", "2026-S3", "2026-13", "2026-9", "26-S1", "2026-winter", "1999-S1"])
    func badPeriods(text: String) {
        #expect(DisbursementPeriod(text) == nil)
    }

    @Test("yuan text has two decimals and reads back")
    func yuan() {
        #expect(Yuan.text(fen: 130_000) == "1300.00")
        #expect(Yuan.text(fen: 5) == "0.05")
        #expect(Yuan.fen(from: "800") == 80_000)
        #expect(Yuan.fen(from: "800.5") == 80_050)
        #expect(Yuan.fen(from: "800.123") == nil)
        #expect(Yuan.fen(from: "-1") == nil)
    }
}
