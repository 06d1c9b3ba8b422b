/// Which number formats show a date. A cell's number is a day serial only when its style's
/// format is a date format; the same number in a General cell is just a number.
enum XLSXNumberFormat {
    /// Built-in format ids that are dates: 14–22 in every locale (18–21 are times of day, read as
    /// day serials like the rest), and the East Asian ids a workbook saved by Chinese Excel uses
    /// without spelling them out (27–31, 36, 50–54, 57, 58: `yyyy"年"m"月"d"日"` and the like).
    static let builtInDateIDs: Set<Int> = Set(14...22).union(27...31).union([36]).union(50...54).union([57, 58])

    /// Whether a format shows a date.
    /// - Parameters:
    ///   - id: the `numFmtId`.
    ///   - code: the format code when the workbook defines one for this id.
    static func isDate(id: Int, code: String?) -> Bool {
        if let code { return isDateCode(code) }
        return builtInDateIDs.contains(id)
    }

    /// Whether a custom format code shows a date: after removing quoted text, escaped and padding
    /// characters and bracketed parts (`[Red]`, `[$-804]`), its first section contains `y` or `d`,
    /// or `m` with no `h` or `s` near it (`m` alone means minutes after an hour).
    static func isDateCode(_ code: String) -> Bool {
        var letters = ""
        var iterator = code.makeIterator()
        var inQuote = false
        var inBracket = false
        while let character = iterator.next() {
            if inQuote {
                if character == "\"" { inQuote = false }
                continue
            }
            if inBracket {
                if character == "]" { inBracket = false }
                continue
            }
            switch character {
            case "\"": inQuote = true
            case "[": inBracket = true
            case "\\", "_", "*": _ = iterator.next()
            case ";": return classify(letters)
            default: letters.append(character)
            }
        }
        return classify(letters)
    }

    private static func classify(_ section: String) -> Bool {
        let lower = section.lowercased()
        if lower.contains("y") || lower.contains("d") { return true }
        return lower.contains("m") && !lower.contains("h") && !lower.contains("s")
    }
}
