public import ShouhuEvents

/// An entitlement period (发放期): a semester or a month. No child is paid twice for one.
///
/// The name on the wire is the contract's (`DisbursementApproved.period`): `YYYY-S1` for the
/// spring semester (春季学期) of year YYYY, `YYYY-S2` for the autumn semester (秋季学期) that
/// starts in year YYYY, and `YYYY-MM` for a month. Officers may also write `2026-spring` or
/// `2026-autumn`, which mean `2026-S1` and `2026-S2`.
///
/// The days a semester covers, in county time (UTC+8), tile the year with no gap so that every
/// day belongs to exactly one semester: spring is 1 February to 31 July of YYYY (the term itself
/// runs about 20 February – 10 July, and the summer holiday follows it), autumn is 1 August of
/// YYYY to 31 January of YYYY+1 (term about 1 September – 20 January). A county's exact term
/// dates vary a little each year; entitlements need only a fixed and gapless rule.
///
/// The budget year a period counts against is YYYY, the year it starts in.
public enum DisbursementPeriod: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Spring (`half` 1) or autumn (`half` 2) semester starting in `year`.
    case semester(year: Int, half: Int)
    /// One calendar month.
    case month(year: Int, month: Int)

    /// Reads `2026-S1`, `2026-S2`, `2026-spring`, `2026-autumn` (any case) or `2026-09`; nil for
    /// anything else, including years outside 2000–2099.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy(\.isASCIIDigit),
            let year = Int(parts[0]), (2000...2099).contains(year)
        else { return nil }
        switch parts[1].lowercased() {
        case "s1", "spring": self = .semester(year: year, half: 1)
        case "s2", "autumn": self = .semester(year: year, half: 2)
        case let month where month.count == 2 && month.allSatisfy(\.isASCIIDigit):
            guard let value = Int(month), (1...12).contains(value) else { return nil }
            self = .month(year: year, month: value)
        default: return nil
        }
    }

    /// The contract's name: `2026-S2`, `2026-09`.
    public var name: String {
        switch self {
        case .semester(let year, let half): "\(year)-S\(half)"
        case .month(let year, let month): "\(year)-\(month < 10 ? "0" : "")\(month)"
        }
    }

    public var description: String { name }

    /// Semester or month.
    public var kind: PeriodKind {
        switch self {
        case .semester: .semester
        case .month: .month
        }
    }

    /// The year whose budget pays this period: the year it starts in.
    public var budgetYear: Int {
        switch self {
        case .semester(let year, _), .month(let year, _): year
        }
    }

    /// The first day the period covers (county time).
    public var firstDay: CalendarDate {
        switch self {
        case .semester(let year, 1): CalendarDate(year: year, month: 2, day: 1)!
        case .semester(let year, _): CalendarDate(year: year, month: 8, day: 1)!
        case .month(let year, let month): CalendarDate(year: year, month: month, day: 1)!
        }
    }

    /// The last day the period covers (county time), inclusive.
    public var lastDay: CalendarDate {
        switch self {
        case .semester(let year, 1): CalendarDate(year: year, month: 7, day: 31)!
        case .semester(let year, _): CalendarDate(year: year + 1, month: 1, day: 31)!
        case .month(let year, let month):
            CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))!
        }
    }

    /// Whether a day falls in the period, both ends included.
    public func contains(_ day: CalendarDate) -> Bool {
        firstDay <= day && day <= lastDay
    }

    /// The semester or month of this kind that a day falls in.
    public static func containing(_ day: CalendarDate, kind: PeriodKind) -> DisbursementPeriod {
        switch kind {
        case .month: return .month(year: day.year, month: day.month)
        case .semester:
            if day.month == 1 { return .semester(year: day.year - 1, half: 2) }
            return .semester(year: day.year, half: day.month <= 7 ? 1 : 2)
        }
    }

    public static func < (lhs: DisbursementPeriod, rhs: DisbursementPeriod) -> Bool {
        (lhs.firstDay, lhs.lastDay) < (rhs.firstDay, rhs.lastDay)
    }
}
