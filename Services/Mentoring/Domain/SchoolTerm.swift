import ShouhuEvents

/// One school term (学期) as the county's calendar defines it, repeating every year: the day it
/// starts and the day it ends. An autumn term (09-01 to 01-20) ends in the next calendar year.
public struct SchoolTerm: Sendable, Hashable {
    /// First month and day (inclusive).
    public let start: (month: Int, day: Int)
    /// Last month and day (inclusive); in the next calendar year when it comes before `start`.
    public let end: (month: Int, day: Int)

    /// Makes a term, or nil when a day does not exist in every year (02-29, 04-31).
    public init?(startMonth: Int, startDay: Int, endMonth: Int, endDay: Int) {
        func exists(_ month: Int, _ day: Int) -> Bool {
            (1...12).contains(month) && day >= 1 && day <= CalendarDate.daysIn(month: month, year: 2025)
        }
        guard exists(startMonth, startDay), exists(endMonth, endDay) else { return nil }
        start = (startMonth, startDay)
        end = (endMonth, endDay)
    }

    /// Whether the term runs over the new year.
    public var spansNewYear: Bool { (end.month, end.day) < (start.month, start.day) }

    /// The days this term covers when it starts in `year`.
    public func occurrence(startingIn year: Int) -> ClosedRange<CalendarDate> {
        let first = CalendarDate(year: year, month: start.month, day: start.day)!
        let last = CalendarDate(year: spansNewYear ? year + 1 : year, month: end.month, day: end.day)!
        return first...last
    }

    public static func == (lhs: SchoolTerm, rhs: SchoolTerm) -> Bool {
        lhs.start == rhs.start && lhs.end == rhs.end
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(start.month)
        hasher.combine(start.day)
        hasher.combine(end.month)
        hasher.combine(end.day)
    }
}
