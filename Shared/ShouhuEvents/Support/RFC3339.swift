import Foundation

/// Instants on the wire (docs/contract.md: "times are RFC 3339 UTC"), such as the envelope's
/// `occurredAt`.
///
/// Written in UTC with a `Z`, with milliseconds only when the instant has some
/// (`2026-06-20T08:30:00Z`, `2026-06-20T08:30:00.120Z`). Read with or without fractional
/// seconds and with `Z` or a numeric offset (`2026-06-20T16:30:00+08:00`). The wire keeps
/// milliseconds: finer digits are rounded to the nearest millisecond. Years 0001 to 9999 only.
/// Leap seconds (`:60`) are refused.
public enum RFC3339 {
    /// The RFC 3339 UTC text of an instant, rounded to the millisecond, or nil when the instant
    /// lies outside the years 0001–9999 (or is not a number at all).
    public static func string(from date: Date) -> String? {
        var text: [UInt8] = []
        text.reserveCapacity(24)
        guard append(date, to: &text) else { return nil }
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends `string(from:)`'s text, digit by digit (this runs for every event encoded), and
    /// answers true; false, having appended nothing, when there is no such text.
    static func append(_ date: Date, to text: inout [UInt8]) -> Bool {
        guard let ms = milliseconds(of: date) else { return false }
        let msPerDay: Int64 = 86_400_000
        let days = ms >= 0 ? ms / msPerDay : -((-ms + msPerDay - 1) / msPerDay)
        let inDay = ms - days * msPerDay
        let day = CalendarDate(daysSinceEpoch: Int(days))
        guard day.appendDigits(to: &text) else { return false }
        let seconds = Int(inDay / 1000)
        let fraction = Int(inDay % 1000)
        text.append(UInt8(ascii: "T"))
        text.appendDigits(seconds / 3600, count: 2)
        text.append(UInt8(ascii: ":"))
        text.appendDigits(seconds / 60 % 60, count: 2)
        text.append(UInt8(ascii: ":"))
        text.appendDigits(seconds % 60, count: 2)
        if fraction != 0 {
            text.append(UInt8(ascii: "."))
            text.appendDigits(fraction, count: 3)
        }
        text.append(UInt8(ascii: "Z"))
        return true
    }

    /// Whether `string(from:)` has a text for the instant (it lies in the years 0001–9999),
    /// without writing it.
    static func canWrite(_ date: Date) -> Bool {
        guard let ms = milliseconds(of: date) else { return false }
        return writableMilliseconds.contains(ms)
    }

    /// Parses RFC 3339 date-time text (`YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`); nil for
    /// anything else, including a missing offset, an impossible day or hour, or a year outside
    /// 0001–9999 once converted to UTC.
    public static func date(from text: String) -> Date? {
        guard let ms = milliseconds(from: text) else { return nil }
        return date(milliseconds: ms)
    }

    /// The instant as the wire keeps it: rounded to the nearest millisecond. Encoding and then
    /// decoding gives back exactly this value.
    public static func wirePrecision(_ date: Date) -> Date {
        guard let ms = milliseconds(of: date) else { return date }
        return self.date(milliseconds: ms)
    }

    // MARK: - Internals

    /// Milliseconds since 1970 for any instant in a sane range (±300,000 years), else nil.
    static func milliseconds(of date: Date) -> Int64? {
        let value = (date.timeIntervalSince1970 * 1000).rounded()
        guard value.isFinite, abs(value) < 1e16 else { return nil }
        return Int64(value)
    }

    static func date(milliseconds ms: Int64) -> Date {
        Date(timeIntervalSince1970: Double(ms) / 1000)
    }

    static func milliseconds(from text: String) -> Int64? {
        var text = text
        return text.withUTF8(milliseconds(fromUTF8:))
    }

    /// `milliseconds(from:)` on UTF-8 bytes, for readers that have bytes and no `String`.
    static func milliseconds(fromUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        // The shortest form is 2026-06-20T08:30:00Z (20 bytes); refuse absurd lengths early.
        guard bytes.count >= 20, bytes.count <= 64 else { return nil }
        guard let day = CalendarDate.parse(UnsafeBufferPointer(rebasing: bytes[0..<10])) else {
            return nil
        }
        guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let hour = number(bytes, 11, 2), hour <= 23,
            let minute = number(bytes, 14, 2), minute <= 59,
            let second = number(bytes, 17, 2), second <= 59
        else { return nil }

        var index = 19
        var fraction: Int64 = 0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            let count = index - start
            guard count >= 1 else { return nil }
            // Milliseconds from the first three digits, rounded half up by the fourth.
            for position in 0..<3 {
                let digit = position < count ? Int64(bytes[start + position] - 48) : 0
                fraction = fraction * 10 + digit
            }
            if count > 3, bytes[start + 3] >= UInt8(ascii: "5") { fraction += 1 }
        }

        guard index < bytes.count else { return nil }
        var offsetSeconds: Int64 = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard index + 6 == bytes.count, bytes[index + 3] == UInt8(ascii: ":"),
                let hours = number(bytes, index + 1, 2), hours <= 23,
                let minutes = number(bytes, index + 4, 2), minutes <= 59
            else { return nil }
            let sign: Int64 = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            offsetSeconds = sign * Int64(hours * 3600 + minutes * 60)
            index += 6
        default:
            return nil
        }
        guard index == bytes.count else { return nil }

        let local = Int64(day.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        let ms = (local - offsetSeconds) * 1000 + fraction
        // Refuse instants that leave the four-digit years once moved to UTC (the years
        // `string(from:)` can write).
        guard writableMilliseconds.contains(ms) else { return nil }
        return ms
    }

    /// The milliseconds from the first instant of 0001-01-01 to the last of 9999-12-31, UTC.
    private static let writableMilliseconds: ClosedRange<Int64> =
        Int64(CalendarDate.earliest.daysSinceEpoch) * 86_400_000
        ... Int64(CalendarDate.latest.daysSinceEpoch + 1) * 86_400_000 - 1

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        guard start + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start..<(start + count)] {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }
}
