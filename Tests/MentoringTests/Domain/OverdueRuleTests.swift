import Foundation
import MentoringDomain
import ShouhuEvents
import Testing

extension MentoringDomainTests {
    @Suite("Overdue: before, at and after the due day, the UTC+8 boundary, the repeat interval")
    struct OverdueRuleTests {
        @Test("not overdue before or on the due day; overdue from the next day, counting whole days")
        func aroundTheDueDay() {
            let due = day("2026-03-31")
            #expect(!OverdueRule.isOverdue(dueOn: due, today: day("2026-03-30")))
            #expect(!OverdueRule.isOverdue(dueOn: due, today: due))
            #expect(OverdueRule.daysOverdue(dueOn: due, today: due) == 0)
            #expect(OverdueRule.isOverdue(dueOn: due, today: day("2026-04-01")))
            #expect(OverdueRule.daysOverdue(dueOn: due, today: day("2026-04-01")) == 1)
            #expect(OverdueRule.daysOverdue(dueOn: due, today: day("2026-05-01")) == 31)
        }

        @Test("the county day turns at 16:00 UTC: a duty due on the 1st is overdue at 16:00Z, not at 15:59:59Z")
        func countyDayBoundary() throws {
            let due = day("2026-03-01")
            let lastSecond = try #require(ISO8601DateFormatter().date(from: "2026-03-01T15:59:59Z"))
            let nextDay = try #require(ISO8601DateFormatter().date(from: "2026-03-01T16:00:00Z"))
            #expect(OverdueRule.countyDay(at: lastSecond) == due)
            #expect(!OverdueRule.isOverdue(dueOn: due, today: OverdueRule.countyDay(at: lastSecond)))
            #expect(OverdueRule.countyDay(at: nextDay) == day("2026-03-02"))
            #expect(OverdueRule.isOverdue(dueOn: due, today: OverdueRule.countyDay(at: nextDay)))
            // Early morning in the county is still the previous day in UTC.
            let morning = try #require(ISO8601DateFormatter().date(from: "2026-02-28T23:30:00Z"))
            #expect(OverdueRule.countyDay(at: morning) == due)
        }

        @Test("alert once when first overdue, then only after the repeat interval")
        func repeatInterval() {
            let due = day("2026-03-10")
            #expect(!OverdueRule.shouldAlert(dueOn: due, today: due, lastAlertedOn: nil, repeatDays: 7))
            #expect(OverdueRule.shouldAlert(dueOn: due, today: day("2026-03-11"), lastAlertedOn: nil, repeatDays: 7))
            #expect(!OverdueRule.shouldAlert(dueOn: due, today: day("2026-03-11"), lastAlertedOn: day("2026-03-11"), repeatDays: 7))
            #expect(!OverdueRule.shouldAlert(dueOn: due, today: day("2026-03-17"), lastAlertedOn: day("2026-03-11"), repeatDays: 7))
            #expect(OverdueRule.shouldAlert(dueOn: due, today: day("2026-03-18"), lastAlertedOn: day("2026-03-11"), repeatDays: 7))
            #expect(OverdueRule.shouldAlert(dueOn: due, today: day("2026-03-12"), lastAlertedOn: day("2026-03-11"), repeatDays: 1))
            #expect(OverdueRule.repeatCutoff(today: day("2026-03-18"), repeatDays: 7) == day("2026-03-11"))
        }
    }
}
