public import Logging

/// Masks Chinese resident ID numbers (居民身份证号码) wherever they turn up in a log line.
///
/// The ID number must never reach a log file: a handler can log a request body or an error
/// that quotes one by mistake. Anything shaped like one — 17 digits, then a digit or `X`, not
/// part of a longer run of digits — keeps its first 6 (the region) and last 4 characters and
/// has the rest replaced by `********`. Longer runs (bank accounts, amounts in fen, timestamps)
/// are left alone.
public enum LogRedaction {
    /// What stands in for the 8 hidden characters (the birth date).
    public static let mask = "********"

    /// Returns `text` with every ID-number-shaped run masked.
    public static func redact(_ text: String) -> String {
        // Cheap exit for the common line: no run of digits long enough to be an ID number.
        let bytes = Array(text.utf8)
        let found = idNumberRanges(in: bytes)
        guard !found.isEmpty else { return text }

        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var copied = 0
        for range in found {
            output.append(contentsOf: bytes[copied..<range.lowerBound])
            output.append(contentsOf: bytes[range.lowerBound..<range.lowerBound + 6])
            output.append(contentsOf: mask.utf8)
            output.append(contentsOf: bytes[range.upperBound - 4..<range.upperBound])
            copied = range.upperBound
        }
        output.append(contentsOf: bytes[copied...])
        return String(decoding: output, as: UTF8.self)
    }

    /// Masks a metadata value, looking inside dictionaries and arrays. A `stringConvertible`
    /// value is rendered first, since its description may quote an ID number too.
    public static func redact(_ value: Logger.MetadataValue) -> Logger.MetadataValue {
        switch value {
        case .string(let text):
            .string(redact(text))
        case .stringConvertible(let convertible):
            .string(redact(convertible.description))
        case .dictionary(let dictionary):
            .dictionary(redact(dictionary))
        case .array(let array):
            .array(array.map(redact))
        }
    }

    /// Masks every value of `metadata`; keys are names chosen in code and stay as they are.
    public static func redact(_ metadata: Logger.Metadata) -> Logger.Metadata {
        metadata.mapValues(redact)
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
            // A maximal run of digits: its neighbours are not digits, so "not part of a longer
            // run" is simply a check on its length.
            let start = index
            while index < bytes.count, isDigit(bytes[index]) {
                index += 1
            }
            switch index - start {
            case 18:
                found.append(start..<index)
            case 17 where index < bytes.count && (bytes[index] | 0x20) == UInt8(ascii: "x"):
                let afterCheck = index + 1
                if afterCheck == bytes.count || !isDigit(bytes[afterCheck]) {
                    found.append(start..<afterCheck)
                    index = afterCheck
                }
            default:
                break
            }
        }
        return found
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
