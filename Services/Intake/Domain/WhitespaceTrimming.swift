/// Trimming of surrounding whitespace without a trip through `NSString`.
///
/// `trimmingCharacters(in: .whitespacesAndNewlines)` bridges every string to `NSString` on Linux
/// and was a tenth of the CPU time of a ledger import, where every field of every row is
/// trimmed. This trims the same set: the scalars with the Unicode `White_Space` property (space,
/// tab, line breaks, U+0085, the no-break space, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F,
/// U+205F and the ideographic space U+3000) and, as Foundation on Linux also trims it, the
/// zero-width space U+200B: exactly what `whitespacesAndNewlines` holds there (a test compares
/// the two over the Basic Multilingual Plane). Text whose first and last bytes are not
/// whitespace (nearly every field) is returned as it is, without copying.
enum WhitespaceTrimming {
    /// `text` without leading and trailing whitespace.
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return text }
        if !mayStartWhitespace(first), !mayEndWhitespace(last) { return text }
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isTrimmed(scalars[start]) { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            guard isTrimmed(scalars[before]) else { break }
            end = before
        }
        if start == scalars.startIndex, end == scalars.endIndex { return text }
        return String(scalars[start..<end])
    }

    private static func isTrimmed(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{200B}"
    }

    /// Whether a scalar starting with this UTF-8 byte may be whitespace: ASCII whitespace, or
    /// the lead bytes of U+0085/U+00A0 (C2), U+1680 (E1), U+2000–U+205F (E2) and U+3000 (E3).
    private static func mayStartWhitespace(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x09...0x0D, 0x20, 0xC2, 0xE1, 0xE2, 0xE3: true
        default: false
        }
    }

    /// Whether a scalar ending with this UTF-8 byte may be whitespace: ASCII whitespace, or a
    /// continuation byte (the last byte of any non-ASCII scalar; the scalar is then checked).
    private static func mayEndWhitespace(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x09...0x0D, 0x20, 0x80...0xBF: true
        default: false
        }
    }
}

extension String {
    /// The string without leading and trailing whitespace and line breaks (`WhitespaceTrimming`).
    var trimmedWhitespace: String { WhitespaceTrimming.trimmed(self) }
}
