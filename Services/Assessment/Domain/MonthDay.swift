import ShouhuEvents

/// A day of the year without the year (2月20日), for settings that repeat every year such as
/// the start and end of a term. 29 February is refused: a term boundary must exist every year.
public struct MonthDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let month: Int
    public let day: Int

    /// Makes a month and day, or nil when it does not exist in every year (2/29, 4/31, 13/1).
    public init?(month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1,
            day <= CalendarDate.daysIn(month: month, year: 2025)
        else { return nil }
        self.init(checked: month, day)
    }

    init(checked month: Int, _ day: Int) {
        self.month = month
        self.day = day
    }

    /// This day in the given year.
    public func date(in year: Int) -> CalendarDate {
        // Valid in every year: checked at init, and 29 February is refused.
        CalendarDate(year: year, month: month, day: day)!
    }

    public static func < (lhs: MonthDay, rhs: MonthDay) -> Bool {
        (lhs.month, lhs.day) < (rhs.month, rhs.day)
    }

    /// `MM-DD`.
    public var description: String {
        (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
    }
}
