/// A strict UTF-8 check (RFC 3629: no overlongs, no surrogates, nothing past U+10FFFF) that can
/// stop at a character cut off by the end of a chunk, so that a file can be checked piece by
/// piece.
enum UTF8Validation {
    /// How a run of bytes ends.
    enum Outcome: Equatable {
        /// Every byte is part of a complete character.
        case valid
        /// Complete up to `at`; the bytes from `at` are the start of a character the buffer cuts
        /// off.
        case truncated(at: Int)
        /// The character starting at byte `at` is malformed.
        case invalid(at: Int)
    }

    /// Checks a buffer of bytes.
    static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        let count = bytes.count
        var index = 0
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return .invalid(at: index)
            }
            for offset in 1..<length {
                let position = index + offset
                if position >= count { return .truncated(at: index) }
                let byte = bytes[position]
                let (min, max) = offset == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                if byte < min || byte > max { return .invalid(at: index) }
            }
            index += length
        }
        return .valid
    }

    /// Checks a byte array.
    static func check(_ bytes: [UInt8]) -> Outcome {
        bytes.withUnsafeBufferPointer { check($0) }
    }
}
