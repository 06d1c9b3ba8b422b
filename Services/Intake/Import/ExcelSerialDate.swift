import ShouhuEvents

/// Converts Excel's day serial numbers to calendar dates.
///
/// In the 1900 date system (the default) serial 1 is 1900-01-01, and Excel, copying Lotus 1-2-3,
/// counts a 29 February 1900 that never existed as serial 60: serials from 61 on are one day
/// ahead of a plain count, and 60 itself is no real day. In the 1904 date system (old Mac
/// workbooks, `<workbookPr date1904="1"/>`) serial 0 is 1904-01-01. A fraction is a time of day
/// and is dropped.
public enum ExcelSerialDate {
    /// The largest serial Excel accepts: 9999-12-31.
    public static let maximumSerial = 2_958_465.0

    /// The day a serial stands for, or nil for a serial that is no day (below 1, Excel's
    /// fictitious 1900-02-29, past 9999, not finite).
    public static func date(fromSerial serial: Double, uses1904System: Bool = false) -> CalendarDate? {
        // Checked before converting: a huge negative Double would trap in Int(_:).
        guard serial.isFinite, serial >= 0, serial < maximumSerial + 1 else { return nil }
        let whole = Int(serial.rounded(.down))
        if uses1904System {
            guard whole >= 0 else { return nil }
            return CalendarDate(year: 1904, month: 1, day: 1)!.adding(days: whole)
        }
        switch whole {
        case ..<1, 60:
            return nil
        case 1..<60:
            return CalendarDate(year: 1899, month: 12, day: 31)!.adding(days: whole)
        default:
            return CalendarDate(year: 1899, month: 12, day: 30)!.adding(days: whole)
        }
    }

    /// The serial for a day in the 1900 system (used by tests and by anyone writing serials).
    public static func serial(for date: CalendarDate) -> Int {
        let days = CalendarDate(year: 1899, month: 12, day: 30)!.days(until: date)
        return days <= 60 ? days - 1 : days
    }
}
