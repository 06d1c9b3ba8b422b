import Foundation
import ShouhuEvents

/// When a duty is overdue (逾期) and when to alert about it. Overdue is always derived from the
/// due date and today, never stored: a duty is overdue from the day after its due date.
public enum OverdueRule {
    /// The county day (UTC+8) an instant falls on: the day "today" is for every rule here.
    public static func countyDay(at instant: Date) -> CalendarDate {
        CalendarDate(instant, in: CalendarDate.countyTimeZone)
    }

    /// Whether a duty due on `dueOn` is overdue on `today`: only after the due day has passed.
    public static func isOverdue(dueOn: CalendarDate, today: CalendarDate) -> Bool {
        today > dueOn
    }

    /// Whole days past the due date; 0 while not overdue.
    public static func daysOverdue(dueOn: CalendarDate, today: CalendarDate) -> Int {
        max(0, dueOn.days(until: today))
    }

    /// Whether the sweep should alert about an overdue duty now: the first time it is found
    /// overdue, and again only once `repeatDays` have passed since the last alert.
    public static func shouldAlert(
        dueOn: CalendarDate, today: CalendarDate, lastAlertedOn: CalendarDate?, repeatDays: Int
    ) -> Bool {
        guard isOverdue(dueOn: dueOn, today: today) else { return false }
        guard let lastAlertedOn else { return true }
        return lastAlertedOn.days(until: today) >= repeatDays
    }

    /// The latest last-alert day that allows a new alert today (for a query that pre-selects).
    public static func repeatCutoff(today: CalendarDate, repeatDays: Int) -> CalendarDate {
        today.adding(days: -repeatDays)
    }
}
