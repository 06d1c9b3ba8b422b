/// Reading and writing the comma-separated files banks exchange (RFC 4180: fields in double
/// quotes when they hold a comma, quote or line break, `""` for a quote; CRLF or LF line ends).
public enum CSVText {
    /// A quoted field never closed.
    public struct UnterminatedQuote: Error, Sendable, Hashable {
        /// The line the open quote is on.
        public var line: Int
    }

    /// Splits text into records with the line each starts on; a byte-order mark at the start is
    /// dropped and blank lines are skipped.
    public static func records(_ text: String) throws(UnterminatedQuote) -> [(line: Int, fields: [String])] {
        var records: [(Int, [String])] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1, recordLine = 1, quoteLine = 1
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var iterator = scalars.makeIterator()
        var next = iterator.next()
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].trimmingSpaces().isEmpty) { records.append((recordLine, fields)) }
            fields = []
            field = ""
        }
        while let scalar = next {
            next = iterator.next()
            if inQuotes {
                if scalar == "\"" {
                    if next == "\"" {
                        field.unicodeScalars.append("\"")
                        next = iterator.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty:
                inQuotes = true
                quoteLine = line
            case ",":
                fields.append(field)
                field = ""
            case "\r" where next == "\n":
                break
            case "\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes { throw UnterminatedQuote(line: quoteLine) }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }

    /// A field as written: quoted when it holds a comma, quote or line break, or starts with a
    /// character a spreadsheet would read as a formula (`=`, `+`, `-`, `@`), which is prefixed
    /// with an apostrophe.
    public static func field(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    /// Every occurrence of one character replaced by a string (no Foundation in the domain).
    func replacingAll(_ character: Character, with replacement: String) -> String {
        var result = ""
        result.reserveCapacity(count)
        for c in self {
            if c == character { result += replacement } else { result.append(c) }
        }
        return result
    }
}
