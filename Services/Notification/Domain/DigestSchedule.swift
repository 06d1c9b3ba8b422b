import Foundation
import ShouhuEvents

/// When the daily digest of overdue visits (逾期提醒汇总) goes out: once a day at a county time
/// (default 08:00, UTC+8). An overdue item seen before that time joins that day's digest; one
/// seen after joins the next day's.
public struct DigestSchedule: Sendable, Hashable {
    /// Minutes after county midnight.
    public let minuteOfDay: Int

    public init?(minuteOfDay: Int) {
        guard (0..<1440).contains(minuteOfDay) else { return nil }
        self.minuteOfDay = minuteOfDay
    }

    /// Parses `HH:MM`.
    public init?(_ text: String) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        self.init(minuteOfDay: hour * 60 + minute)
    }

    /// The instant day `day`'s digest is due.
    public func sendInstant(of day: CalendarDate) -> Date {
        day.startInstant().addingTimeInterval(TimeInterval(minuteOfDay * 60))
    }

    /// The digest an item seen at `instant` belongs to.
    public func day(for instant: Date) -> CalendarDate {
        let local = CalendarDate(instant)
        return instant < sendInstant(of: local) ? local : local.adding(days: 1)
    }

    /// Whether day `day`'s digest may be sent at `now`.
    public func isDue(_ day: CalendarDate, at now: Date) -> Bool { now >= sendInstant(of: day) }
}
