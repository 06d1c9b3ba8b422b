import Foundation

/// A day on the calendar with no time of day (`YYYY-MM-DD` on the wire): a birth date, the day a
/// visit was made, a due date. Which day "today" is depends on the time zone, so conversions from
/// an instant always name one; the county's is `CalendarDate.countyTimeZone` (UTC+8).
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// China Standard Time, UTC+8, with no daylight saving: the county's clock.
    public static let countyTimeZone = TimeZone(secondsFromGMT: 8 * 3600)!

    /// A proleptic Gregorian calendar fixed to UTC, used for arithmetic on days so that it never
    /// depends on the machine's locale or zone.
    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        return calendar
    }()

    /// Makes a date, or returns nil when the day does not exist (2026-02-29, month 13, year 0).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= CalendarDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`; anything else (other separators, missing zeros, an impossible
    /// day) is nil.
    public init?(_ text: String) {
        var text = text
        guard let date = text.withUTF8(CalendarDate.parse) else { return nil }
        self = date
    }

    /// `init(_:)` on UTF-8 bytes, for readers that have bytes and no `String`.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-")
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }

    /// The day an instant falls on in the given time zone (the county's by default).
    public init(_ instant: Date, in timeZone: TimeZone = CalendarDate.countyTimeZone) {
        var calendar = CalendarDate.utcCalendar
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        self.year = parts.year!
        self.month = parts.month!
        self.day = parts.day!
    }

    /// Number of days in a month of the Gregorian calendar.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Whether a year is a Gregorian leap year.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days since 1970-01-01 (negative before), for arithmetic and storage.
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil algorithm.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date a number of days after 1970-01-01.
    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// The date `n` days later (earlier when negative).
    public func adding(days n: Int) -> CalendarDate {
        CalendarDate(daysSinceEpoch: daysSinceEpoch + n)
    }

    /// The date `n` calendar months later; a day past the end of the target month is clamped to
    /// its last day (2026-01-31 plus one month is 2026-02-28). Beyond the years 1–9999 the
    /// result is clamped to 0001-01-01 or 9999-12-31 rather than trapping, since dates can come
    /// from other programs' events.
    public func adding(months n: Int) -> CalendarDate {
        let (sum, overflow) = (year * 12 + (month - 1)).addingReportingOverflow(n)
        guard !overflow, sum >= 12 else { return overflow && n > 0 ? .latest : .earliest }
        let y = sum / 12
        guard y <= 9999 else { return .latest }
        let m = sum % 12 + 1
        return CalendarDate(year: y, month: m, day: min(day, CalendarDate.daysIn(month: m, year: y)))!
    }

    /// 0001-01-01, the first day this type represents.
    public static let earliest = CalendarDate(year: 1, month: 1, day: 1)!
    /// 9999-12-31, the last day this type represents.
    public static let latest = CalendarDate(year: 9999, month: 12, day: 31)!

    /// Whole days from this date to another (positive when `other` is later).
    public func days(until other: CalendarDate) -> Int {
        other.daysSinceEpoch - daysSinceEpoch
    }

    /// Age in completed years on a given day (a child born on 29 February turns a year older on
    /// 1 March in common years).
    public func age(on day: CalendarDate) -> Int {
        var years = day.year - year
        if (day.month, day.day) < (month, self.day) { years -= 1 }
        return years
    }

    /// Midnight at the start of this day in the given time zone.
    public func startInstant(in timeZone: TimeZone = CalendarDate.countyTimeZone) -> Date {
        let seconds = Double(daysSinceEpoch) * 86_400 - Double(timeZone.secondsFromGMT())
        return Date(timeIntervalSince1970: seconds)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        var text: [UInt8] = []
        if appendDigits(to: &text) { return String(decoding: text, as: UTF8.self) }
        let y = String(year), m = String(month), d = String(day)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-"
            + (m.count == 1 ? "0" + m : m) + "-" + (d.count == 1 ? "0" + d : d)
    }

    /// Appends `YYYY-MM-DD` for a day of the years 1 to 9999 and answers true; false, having
    /// appended nothing, for a year outside them (`init(daysSinceEpoch:)` can make one), which
    /// `description` writes its own way.
    func appendDigits(to bytes: inout [UInt8]) -> Bool {
        guard (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day) else { return false }
        bytes.appendDigits(year, count: 4)
        bytes.append(UInt8(ascii: "-"))
        bytes.appendDigits(month, count: 2)
        bytes.append(UInt8(ascii: "-"))
        bytes.appendDigits(day, count: 2)
        return true
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a date as YYYY-MM-DD, got \"\(text)\"")
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
