/// The formats the contract gives to identifiers, codes, names and contact details, in one
/// place so that every payload (and any service checking a request before it becomes an event)
/// applies the same rule. Every check is ASCII-strict where the format is a code: full-width
/// digits (１２３) are not digits here.
public enum FieldFormat {
    /// The longest a person's name may be once trimmed (姓名).
    public static let nameMaxLength = 50
    /// The longest a school id may be: an opaque key from the school registry.
    public static let schoolIdMaxLength = 64

    /// A UUID written the way Shouhu writes them: lowercase hex in the 8-4-4-4-12 layout
    /// (`9b2f1c3e-5d4a-4e8b-9a61-2f3c4d5e6f70`). Ids are compared as strings, so case matters.
    public static func isLowercaseUUID(_ text: String) -> Bool {
        // Over the string's own bytes: this runs several times for every event encoded and
        // decoded. With dashes at the four places, and four dashes in all, every other byte
        // must be a lowercase hex digit.
        var text = text
        return text.withUTF8 { bytes in
            let dash = UInt8(ascii: "-")
            guard bytes.count == 36, bytes[8] == dash, bytes[13] == dash, bytes[18] == dash, bytes[23] == dash
            else { return false }
            var dashes = 0
            for byte in bytes {
                if byte == dash {
                    dashes += 1
                } else if !(isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))) {
                    return false
                }
            }
            return dashes == 4
        }
    }

    /// Exactly `count` ASCII digits.
    public static func isDigits(_ text: String, count: Int) -> Bool {
        var text = text
        return text.withUTF8 { $0.count == count && $0.allSatisfy(isDigit) }
    }

    /// A county code of GB/T 2260 (县级行政区划代码): 6 digits, e.g. `520330`.
    public static func isCountyCode(_ text: String) -> Bool {
        isDigits(text, count: 6)
    }

    /// A village code (村级区划代码): 12 digits. Only the form is checked here; that the village
    /// lies in the deployment's county is intake's rule.
    public static func isVillageCode(_ text: String) -> Bool {
        isDigits(text, count: 12)
    }

    /// An administrative division code at county (6 digits), township (9) or village (12) level.
    public static func isDivisionCode(_ text: String) -> Bool {
        let count = text.utf8.count
        return (count == 6 || count == 9 || count == 12) && text.utf8.allSatisfy(isDigit)
    }

    /// A school id: an opaque key, 1 to 64 characters, no surrounding spaces, no control
    /// characters.
    public static func isSchoolId(_ text: String) -> Bool {
        isText(text, maxLength: schoolIdMaxLength) && trimmed(text) == text
    }

    /// A person's name (姓名): 1 to 50 characters once surrounding spaces are trimmed, no control
    /// characters.
    public static func isPersonName(_ text: String) -> Bool {
        isText(text, maxLength: nameMaxLength)
    }

    /// Free text: something other than spaces, at most `maxLength` characters once trimmed, and
    /// no control characters (line breaks allowed only when asked for).
    public static func isText(_ text: String, maxLength: Int, allowingNewlines: Bool = false)
        -> Bool
    {
        let core = trimmed(text)
        // A character is at least one byte, so a short text needs no count of its characters.
        guard !core.isEmpty, core.utf8.count <= maxLength || core.count <= maxLength else { return false }
        return !containsControl(text.utf8, allowingNewlines: allowingNewlines)
    }

    /// Whether the text holds a control character (general category Cc, U+0000–U+001F and
    /// U+007F–U+009F; line feed, carriage return and tab allowed when asked), read off the UTF-8
    /// bytes: the first 33 are single bytes, the other 32 are `C2 80` to `C2 9F`. Every text
    /// field of every event is checked here, and asking each scalar its general category was
    /// most of validating an event.
    private static func containsControl(_ utf8: String.UTF8View, allowingNewlines: Bool) -> Bool {
        var afterC2 = false
        for byte in utf8 {
            if byte < 0x20 {
                if !(allowingNewlines && (byte == 0x0A || byte == 0x0D || byte == 0x09)) { return true }
            } else if byte == 0x7F || (afterC2 && byte <= 0x9F) {
                return true
            }
            afterC2 = byte == 0xC2
        }
        return false
    }

    /// A machine code in snake_case (`child_exited`, `by_hand`): a lowercase letter, then
    /// lowercase letters, digits or underscores, 64 at most.
    public static func isCode(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, bytes.count <= 64, isLower(first) else { return false }
        return bytes.allSatisfy { isLower($0) || isDigit($0) || $0 == UInt8(ascii: "_") }
    }

    /// A phone number (电话): an 11-digit mainland mobile starting with 1 (`13800138000`), or a
    /// landline of digits and dashes 7 to 20 long with at least 7 digits (`0851-28221234`),
    /// either optionally after `+86` (and one space or dash). A dashless number starting with 1
    /// must be a mobile; a landline starts and ends with a digit and has no double dash.
    public static func isPhone(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { all in
            // Over the string's own bytes. A phone number is ASCII; a text that is not can
            // never pass, and on ASCII, bytes and characters are the same thing.
            guard all.allSatisfy({ $0 < 0x80 }) else { return false }
            var bytes = all[...]
            let dash = UInt8(ascii: "-")
            if bytes.starts(with: "+86".utf8) {
                bytes = bytes.dropFirst(3)
                if bytes.first == UInt8(ascii: " ") || bytes.first == dash { bytes = bytes.dropFirst() }
            }
            guard let first = bytes.first, let last = bytes.last else { return false }
            if !bytes.contains(dash) {
                guard bytes.allSatisfy(isDigit) else { return false }
                if first == UInt8(ascii: "1") { return bytes.count == 11 }
            }
            guard (7...20).contains(bytes.count), isDigit(first), isDigit(last),
                bytes.allSatisfy({ isDigit($0) || $0 == dash }),
                bytes.lazy.filter(isDigit).count >= 7
            else { return false }
            return !zip(bytes, bytes.dropFirst()).contains { $0 == dash && $1 == dash }
        }
    }

    /// A sane e-mail address (电子邮箱): ASCII, one `@`, a local part of 1 to 64 characters
    /// without leading, trailing or doubled dots, and a domain of at least two dot-separated
    /// labels (letters, digits, inner hyphens) ending in a letters-only top-level label; 254
    /// characters at most.
    public static func isEmail(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count <= 254, bytes.allSatisfy({ $0 > 32 && $0 < 127 }) else { return false }
        let parts = bytes.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let local = Array(parts[0]), domain = Array(parts[1])
        let dot = UInt8(ascii: ".")
        let localExtras = Array("!#$%&'*+/=?^_`{|}~.-".utf8)
        guard (1...64).contains(local.count), local.first != dot, local.last != dot,
            !zip(local, local.dropFirst()).contains(where: { $0 == dot && $1 == dot }),
            local.allSatisfy({ isAlnum($0) || localExtras.contains($0) })
        else { return false }
        let labels = domain.split(separator: dot, omittingEmptySubsequences: false)
        guard labels.count >= 2, let top = labels.last, top.count >= 2,
            top.allSatisfy({ isAlnum($0) && !isDigit($0) })
        else { return false }
        let hyphen = UInt8(ascii: "-")
        return labels.allSatisfy { label in
            (1...63).contains(label.count) && label.first != hyphen && label.last != hyphen
                && label.allSatisfy { isAlnum($0) || $0 == hyphen }
        }
    }

    /// A disbursement period (发放期): a semester `YYYY-S1` or `YYYY-S2`, or a month `YYYY-MM`
    /// (university students are paid monthly).
    public static func isDisbursementPeriod(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
            bytes[0..<4].allSatisfy(isDigit), bytes[0..<4].contains(where: { $0 != UInt8(ascii: "0") })
        else { return false }
        if bytes[5] == UInt8(ascii: "S") {
            return bytes[6] == UInt8(ascii: "1") || bytes[6] == UInt8(ascii: "2")
        }
        guard isDigit(bytes[5]), isDigit(bytes[6]) else { return false }
        let month = Int(bytes[5] - 48) * 10 + Int(bytes[6] - 48)
        return (1...12).contains(month)
    }

    // MARK: - Helpers

    static func trimmed(_ text: String) -> Substring {
        // Most text holds no white space at all, and then nothing is trimmed; finding the ends
        // character by character asks Unicode's tables twice for every field validated.
        guard mayHoldWhitespace(text) else { return text[...] }
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let start = text.firstIndex(where: { !isSpace($0) }),
            let end = text.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return text[start...end]
    }

    /// False when no scalar of the text is white space (Unicode's White_Space, which
    /// `Character.isWhitespace` asks of a character's first scalar). Read off the UTF-8 bytes:
    /// the ASCII ones are tab to carriage return and space, every other lies from U+0085 to
    /// U+3000, whose lead bytes are C2 to E2, or E3 80 80 for U+3000 itself. Bytes below 0x20
    /// count too, to keep the test simple.
    static func mayHoldWhitespace(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for (index, byte) in bytes.enumerated() {
                if byte <= 0x20 || (byte >= 0xC2 && byte <= 0xE2) { return true }
                if byte == 0xE3, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 {
                    return true
                }
            }
            return false
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isLower(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
    }

    private static func isAlnum(_ byte: UInt8) -> Bool {
        isDigit(byte) || isLower(byte) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }
}
