/// Masks what could be a resident ID number (居民身份证号码) inside text that users, logs or
/// stored results will see. Resident ID numbers are sensitive personal information: a log line
/// or a message echoing a spreadsheet cell must never carry one in clear.
///
/// A maximal run of 15 to 18 ASCII digits — or 17 digits followed by an `X`/`x` check character
/// that is not itself followed by a digit — keeps its first 6 characters (the region) and last 4
/// and has the middle starred. Shorter runs (village codes, amounts in fen) and longer ones (bank
/// accounts) are left alone. This is the one place the rule lives; the service kit's log
/// redaction calls it.
public enum SensitiveText {
    /// The text with every ID-number-shaped run masked; everything else unchanged.
    public static func masked(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let found = idNumberRanges(in: bytes)
        // The common case, and cheap: nothing long enough to be an ID number.
        guard !found.isEmpty else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var copied = 0
        for range in found {
            output.append(contentsOf: bytes[copied..<range.lowerBound + 6])
            output.append(contentsOf: repeatElement(UInt8(ascii: "*"), count: range.count - 10))
            output.append(contentsOf: bytes[range.upperBound - 4..<range.upperBound])
            copied = range.upperBound
        }
        output.append(contentsOf: bytes[copied...])
        return String(decoding: output, as: UTF8.self)
    }

    /// The byte ranges of the ID-number-shaped runs in `bytes`, in order.
    static func idNumberRanges(in bytes: [UInt8]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            guard isDigit(bytes[index]) else {
                index += 1
                continue
            }
            // A maximal run of digits, so "not part of a longer run" is a check on its length.
            let start = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            let length = index - start
            if length == 17, index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "x") {
                // 17 digits and a check character X: an ID number, unless more digits follow,
                // which makes it part of a longer token (left alone, as longer runs are).
                index += 1
                if index == bytes.count || !isDigit(bytes[index]) { found.append(start..<index) }
            } else if (15...18).contains(length) {
                found.append(start..<index)
            }
        }
        return found
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
