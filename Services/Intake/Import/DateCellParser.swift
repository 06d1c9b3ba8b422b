import ShouhuEvents

/// Reads the dates people type into ledgers, shared by the CSV and `.xlsx` paths.
///
/// Accepted, with full-width digits folded first and any time of day after a space or `T`
/// ignored: `2012-03-05`, `2012-3-5`, `2012/3/5`, `2012.3.5`, `2012年3月5日` (or `…5号`),
/// `20120305`. A year and month alone (`2012-03`, `2012.3`, `2012年3月`, `201203`) is recognised
/// as such: ledgers titled 出生年月 often hold only that. Two-digit years and day-first or
/// month-first orders (`5/3/2012`) are ambiguous and rejected.
public enum DateCellParser {
    /// What a cell holds.
    public enum Parsed: Sendable, Hashable {
        /// A full date.
        case date(CalendarDate)
        /// A year and month without a day.
        case yearMonth(year: Int, month: Int)
        /// Not a date we can read, or a day that does not exist.
        case invalid
    }

    /// Years a ledger date may fall in; anything else is a typing error.
    public static let plausibleYears = 1900...2100

    /// Parses a cell.
    public static func parse(_ text: String) -> Parsed {
        var scalars = Array(TextFolding.cleaned(text).unicodeScalars)
        if let cut = scalars.firstIndex(where: { $0 == " " || $0 == "T" }) {
            scalars = Array(scalars[..<cut])
        }
        guard !scalars.isEmpty else { return .invalid }

        var parts: [String] = []
        var current = ""
        var lastSeparator: Unicode.Scalar?
        for scalar in scalars {
            switch scalar {
            case "0"..."9":
                current.unicodeScalars.append(scalar)
            case "-", "/", ".", "年", "月", "日", "号":
                guard !current.isEmpty else { return .invalid }
                parts.append(current)
                current = ""
                lastSeparator = scalar
            default:
                return .invalid
            }
        }
        if !current.isEmpty {
            parts.append(current)
        } else if let lastSeparator, !["日", "号", "月"].contains(lastSeparator) {
            return .invalid
        }

        if parts.count == 1 {
            let digits = parts[0]
            let characters = Array(digits)
            switch characters.count {
            case 8:
                return make(String(characters[0..<4]), String(characters[4..<6]), String(characters[6..<8]))
            case 6:
                return make(String(characters[0..<4]), String(characters[4..<6]), nil)
            default:
                return .invalid
            }
        }
        guard parts[0].count == 4, parts.dropFirst().allSatisfy({ (1...2).contains($0.count) }) else {
            return .invalid
        }
        switch parts.count {
        case 2: return make(parts[0], parts[1], nil)
        case 3: return make(parts[0], parts[1], parts[2])
        default: return .invalid
        }
    }

    private static func make(_ year: String, _ month: String, _ day: String?) -> Parsed {
        guard let y = Int(year), let m = Int(month), plausibleYears.contains(y), (1...12).contains(m) else {
            return .invalid
        }
        guard let day else { return .yearMonth(year: y, month: m) }
        guard let d = Int(day), let date = CalendarDate(year: y, month: m, day: d) else { return .invalid }
        return .date(date)
    }
}
