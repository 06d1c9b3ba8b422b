import Foundation
import MentoringDomain
import ShouhuEvents
import Testing

extension MentoringDomainTests {
    @Suite("Due dates: per tier, across month ends, terms, escalation")
    struct ObligationScheduleTests {
        let policy = MentoringPolicy.standard

        @Test("a key-tier home visit is due 14 days after the last one, or after pairing when there was none")
        func homeVisitKey() {
            let input = ScheduleInput(tier: .key, since: day("2026-03-01"), lastHomeVisit: day("2026-03-10"))
            #expect(ObligationSchedule.due(.homeVisit, for: input, policy: policy).dueOn == day("2026-03-24"))
            let fresh = ScheduleInput(tier: .key, since: day("2026-03-01"))
            let due = ObligationSchedule.due(.homeVisit, for: fresh, policy: policy)
            #expect(due.dueOn == day("2026-03-15"))
            #expect(due.countsFrom == day("2026-03-01"))
        }

        @Test("the interval is a setting per tier, and both values are used")
        func intervalPerTier() {
            var relaxed = policy
            relaxed.homeVisitDaysGeneral = 30
            let general = ScheduleInput(tier: .general, since: day("2026-03-01"))
            let key = ScheduleInput(tier: .key, since: day("2026-03-01"))
            #expect(ObligationSchedule.due(.homeVisit, for: general, policy: relaxed).dueOn == day("2026-03-31"))
            #expect(ObligationSchedule.due(.homeVisit, for: key, policy: relaxed).dueOn == day("2026-03-15"))
            #expect(ObligationSchedule.due(.homeVisit, for: general, policy: policy).dueOn == day("2026-03-15"))
        }

        @Test("a visit before the tier changed does not count: the interval runs from the change")
        func tierChangeRestarts() {
            let input = ScheduleInput(tier: .key, since: day("2026-05-20"), lastHomeVisit: day("2026-05-02"))
            #expect(ObligationSchedule.due(.homeVisit, for: input, policy: policy).dueOn == day("2026-06-03"))
        }

        @Test("home visits across a month end, February, a leap day and the new year")
        func homeVisitAcrossMonthEnds() {
            func due(_ last: String) -> CalendarDate {
                ObligationSchedule.due(.homeVisit, for: ScheduleInput(tier: .key, since: day("2025-01-01"), lastHomeVisit: day(last)), policy: policy).dueOn
            }
            #expect(due("2026-01-25") == day("2026-02-08"))
            #expect(due("2026-02-20") == day("2026-03-06"))
            #expect(due("2028-02-20") == day("2028-03-05"))
            #expect(due("2026-12-25") == day("2027-01-08"))
        }

        @Test("the parent report is due a calendar month later, clamped at the month end")
        func parentReportMonths() {
            func due(_ last: String, months: Int = 1) -> CalendarDate {
                var p = policy
                p.parentReportMonths = months
                return ObligationSchedule.due(.parentReport, for: ScheduleInput(tier: .general, since: day("2025-01-01"), lastParentReport: day(last)), policy: p).dueOn
            }
            #expect(due("2026-01-31") == day("2026-02-28"))
            #expect(due("2028-01-31") == day("2028-02-29"))
            #expect(due("2026-03-31") == day("2026-04-30"))
            #expect(due("2026-12-15") == day("2027-01-15"))
            #expect(due("2026-11-30", months: 3) == day("2027-02-28"))
        }

        @Test("the term check is due at the end of the term, then of the next term once done")
        func termCheck() {
            let fresh = ScheduleInput(tier: .general, since: day("2026-03-10"))
            #expect(ObligationSchedule.due(.termCheck, for: fresh, policy: policy).dueOn == day("2026-07-10"))
            let done = ScheduleInput(tier: .general, since: day("2026-03-10"), lastTermCheck: day("2026-05-01"))
            let next = ObligationSchedule.due(.termCheck, for: done, policy: policy)
            #expect(next.dueOn == day("2027-01-20"))
            #expect(next.countsFrom == day("2026-07-11"))
            let holiday = ScheduleInput(tier: .general, since: day("2026-08-01"))
            #expect(ObligationSchedule.due(.termCheck, for: holiday, policy: policy).dueOn == day("2027-01-20"))
            let winter = ScheduleInput(tier: .general, since: day("2026-01-10"))
            #expect(ObligationSchedule.due(.termCheck, for: winter, policy: policy).dueOn == day("2026-01-20"))
        }

        @Test("a term calendar is read from its setting; overlaps and impossible days are refused")
        func termSetting() {
            let calendar = TermCalendar(setting: "03-01/06-30, 09-01/12-31")
            #expect(calendar != nil)
            #expect(calendar?.term(endingOnOrAfter: day("2026-07-15")).upperBound == day("2026-12-31"))
            #expect(TermCalendar(setting: "03-01/09-30,09-01/12-31") == nil)
            #expect(TermCalendar(setting: "02-29/06-30") == nil)
            #expect(TermCalendar(setting: "spring") == nil)
            #expect(TermCalendar(setting: "") == nil)
        }

        @Test("an escalation brings the home visit forward, never back, until a visit follows it")
        func escalation() {
            let escalated = ScheduleInput(tier: .key, since: day("2026-03-01"), lastHomeVisit: day("2026-03-10"), escalatedOn: day("2026-03-12"))
            #expect(ObligationSchedule.due(.homeVisit, for: escalated, policy: policy).dueOn == day("2026-03-15"))
            let soonAnyway = ScheduleInput(tier: .key, since: day("2026-03-01"), lastHomeVisit: day("2026-02-28"), escalatedOn: day("2026-03-12"))
            #expect(ObligationSchedule.due(.homeVisit, for: soonAnyway, policy: policy).dueOn == day("2026-03-15"))
            let visitedSince = ScheduleInput(tier: .key, since: day("2026-03-01"), lastHomeVisit: day("2026-03-13"), escalatedOn: day("2026-03-12"))
            #expect(ObligationSchedule.due(.homeVisit, for: visitedSince, policy: policy).dueOn == day("2026-03-27"))
        }

        @Test("which contact discharges which duty")
        func fulfilment() {
            #expect(VisitKind.homeVisit.fulfils == .homeVisit)
            #expect(VisitKind.parentReport.fulfils == .parentReport)
            #expect(VisitKind.parentCall.fulfils == .parentReport)
            #expect(VisitKind.termCheck.fulfils == .termCheck)
            #expect(VisitKind.schoolTalk.fulfils == nil)
            #expect(VisitKind.letter.fulfils == nil)
        }
    }
}
