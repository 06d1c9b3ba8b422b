import Foundation
import ShouhuEvents

/// Hours (免打扰时段) in county time (UTC+8) when non-urgent SMS wait until morning, e.g.
/// `21:30-07:30`. The window may cross midnight; an empty window (start == end) holds nothing.
public struct QuietHours: Sendable, Hashable, CustomStringConvertible {
    /// Minutes after county midnight when quiet starts and ends.
    public let start: Int
    public let end: Int

    public init?(start: Int, end: Int) {
        guard (0..<1440).contains(start), (0..<1440).contains(end) else { return nil }
        self.start = start
        self.end = end
    }

    /// Parses `HH:MM-HH:MM`, or `off` for no quiet hours.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased() == "off" { self.init(start: 0, end: 0); return }
        let halves = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard halves.count == 2, let from = Self.minutes(halves[0]), let to = Self.minutes(halves[1]) else { return nil }
        self.init(start: from, end: to)
    }

    private static func minutes(_ text: Substring) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        return hour * 60 + minute
    }

    public var description: String {
        start == end ? "off" : String(format: "%02d:%02d-%02d:%02d", start / 60, start % 60, end / 60, end % 60)
    }

    /// When an SMS due at `instant` may go out: `instant` itself outside quiet hours, else the
    /// end of the window (the next county morning).
    public func release(_ instant: Date) -> Date {
        guard start != end else { return instant }
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + 8 * 3600
        let minuteOfDay = ((seconds % 86_400) + 86_400) % 86_400 / 60
        let quiet = start < end ? (minuteOfDay >= start && minuteOfDay < end) : (minuteOfDay >= start || minuteOfDay < end)
        guard quiet else { return instant }
        let localDay = CalendarDate(instant)
        let releaseDay = (start > end && minuteOfDay >= start) ? localDay.adding(days: 1) : localDay
        return releaseDay.startInstant().addingTimeInterval(TimeInterval(end * 60))
    }
}
