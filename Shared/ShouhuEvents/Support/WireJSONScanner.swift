import Foundation

/// One JSON value found by `WireJSONScanner`: where its bytes are, not a copy of them. Strings and
/// numbers stay bytes until a field asks for them.
struct WireJSONToken {
    /// What JSON value a token stands for.
    enum Kind: UInt8 {
        case null, boolTrue, boolFalse, number, object, array
        /// A string with no escapes: its bytes are its UTF-8.
        case string
        /// A string with escapes, undone when it is read.
        case escapedString
    }

    var kind: Kind
    /// Strings: the byte after the opening quote; numbers: the first byte.
    var start: Int32
    /// Strings: the closing quote; numbers: the byte after the last digit; objects and arrays:
    /// how many members or items they hold.
    var end: Int32
    /// The token after this value and everything inside it. An object's members follow it as
    /// key and value tokens in turn, an array's items as one value each.
    var next: Int32
}

/// A strict JSON scanner for the codec's fast readers: it checks a whole body and lists its
/// values as `WireJSONToken`s in document order, without making a string. It accepts only plain
/// RFC 8259 JSON with whole numbers, valid UTF-8, properly paired `\u` escapes, object keys of
/// plain ASCII without escapes and none twice in one object, and at most 64 levels; it throws
/// `WireUnsupported` on anything else — bad JSON and the laxer forms Foundation reads (trailing
/// commas, fractions, exponents) alike — and the codec then asks Foundation's `JSONDecoder`,
/// whose verdict and errors stay the contract's.
struct WireJSONScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0
    private let tokens: UnsafeMutableBufferPointer<WireJSONToken>
    private var tokenCount = 0
    private static let maxDepth = 64

    /// How many tokens a body of `byteCount` bytes can hold at most: each value takes a byte or
    /// two, and a comma or colon stands between two in a row.
    static func maxTokens(byteCount: Int) -> Int {
        byteCount / 2 + 2
    }

    /// Scans the one JSON text that fills `bytes` (whitespace around it allowed) into `tokens`
    /// (room for `maxTokens` of them), and answers how many it wrote; the first is the
    /// outermost value.
    static func scan(_ bytes: UnsafeRawBufferPointer, into tokens: UnsafeMutableBufferPointer<WireJSONToken>)
        throws(WireUnsupported) -> Int
    {
        guard bytes.count < Int(Int32.max) else { throw WireUnsupported() }
        var scanner = WireJSONScanner(bytes: bytes.assumingMemoryBound(to: UInt8.self), tokens: tokens)
        scanner.skipWhitespace()
        try scanner.value()
        scanner.skipWhitespace()
        guard scanner.index == bytes.count else { throw WireUnsupported() }
        return scanner.tokenCount
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, tokens: UnsafeMutableBufferPointer<WireJSONToken>) {
        self.bytes = bytes
        self.tokens = tokens
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func append(_ kind: WireJSONToken.Kind, _ start: Int, _ end: Int) throws(WireUnsupported) {
        guard tokenCount < tokens.count else { throw WireUnsupported() }
        (tokens.baseAddress! + tokenCount).initialize(
            to: WireJSONToken(kind: kind, start: Int32(start), end: Int32(end), next: Int32(tokenCount + 1)))
        tokenCount += 1
    }

    private mutating func value() throws(WireUnsupported) {
        guard let byte = current else { throw WireUnsupported() }
        switch byte {
        case UInt8(ascii: "{"): try object()
        case UInt8(ascii: "["): try array()
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true", .boolTrue)
        case UInt8(ascii: "f"): try literal("false", .boolFalse)
        case UInt8(ascii: "n"): try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: throw WireUnsupported()
        }
    }

    private mutating func literal(_ text: StaticString, _ kind: WireJSONToken.Kind) throws(WireUnsupported) {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw WireUnsupported() }
        let start = text.utf8Start
        for offset in 0..<count where bytes[index + offset] != start[offset] { throw WireUnsupported() }
        try append(kind, index, index + count)
        index += count
    }

    /// Opens a container: its token now, its count and end once it is closed.
    private mutating func open(_ kind: WireJSONToken.Kind) throws(WireUnsupported) -> Int {
        depth += 1
        guard depth <= Self.maxDepth else { throw WireUnsupported() }
        index += 1
        try append(kind, index, 0)
        return tokenCount - 1
    }

    private mutating func close(_ slot: Int, count: Int) {
        depth -= 1
        tokens[slot].end = Int32(count)
        tokens[slot].next = Int32(tokenCount)
    }

    private mutating func object() throws(WireUnsupported) {
        let slot = try open(.object)
        var count = 0
        // Keys in ascending byte order (as Shouhu writes them) cannot repeat; only keys out of
        // order are compared with all before them.
        var ascending = true
        var previousKey = 0
        while try nextItem(closing: UInt8(ascii: "}"), count: count) {
            guard current == UInt8(ascii: "\"") else { throw WireUnsupported() }
            let key = tokenCount
            guard try string() else { throw WireUnsupported() }
            if count > 0 { try checkNewKey(key, after: previousKey, in: slot, ascending: &ascending) }
            previousKey = key
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw WireUnsupported() }
            index += 1
            skipWhitespace()
            try value()
            count += 1
        }
        close(slot, count: count)
    }

    private mutating func array() throws(WireUnsupported) {
        let slot = try open(.array)
        var count = 0
        while try nextItem(closing: UInt8(ascii: "]"), count: count) {
            try value()
            count += 1
        }
        close(slot, count: count)
    }

    /// Whether another member or item follows `count` of them: steps over white space and the
    /// comma that must come before any but the first, or over the closing bracket (false).
    private mutating func nextItem(closing: UInt8, count: Int) throws(WireUnsupported) -> Bool {
        skipWhitespace()
        guard let byte = current else { throw WireUnsupported() }
        if byte == closing {
            index += 1
            return false
        }
        if count > 0 {
            guard byte == UInt8(ascii: ",") else { throw WireUnsupported() }
            index += 1
            skipWhitespace()
        }
        return true
    }

    /// Throws when the key at token `key` repeats an earlier key of the object at `slot`;
    /// `previous` is the key just before it.
    private func checkNewKey(_ key: Int, after previous: Int, in slot: Int, ascending: inout Bool)
        throws(WireUnsupported)
    {
        if ascending {
            if compare(previous, key) < 0 { return }
            ascending = false
        }
        var earlier = slot + 1
        while earlier < key {
            if compare(earlier, key) == 0 { throw WireUnsupported() }
            earlier = Int(tokens[earlier + 1].next)
        }
    }

    /// Orders two key tokens by their bytes.
    private func compare(_ left: Int, _ right: Int) -> Int {
        WireJSONToken.compare(bytes, tokens[left], tokens[right])
    }

    /// A whole number in plain form (`-?(0|[1-9][0-9]*)`, 20 digits at most); `-0`, fractions
    /// and exponents are left to Foundation.
    private mutating func number() throws(WireUnsupported) {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        let firstDigit = index
        while let byte = current, byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { index += 1 }
        let digits = index - firstDigit
        guard digits > 0, digits <= 20 else { throw WireUnsupported() }
        if bytes[firstDigit] == UInt8(ascii: "0") && (digits > 1 || firstDigit > start) { throw WireUnsupported() }
        if let byte = current, byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            throw WireUnsupported()
        }
        try append(.number, start, index)
    }

    /// A string, its opening quote at `index`; true when it is plain ASCII without escapes.
    private mutating func string() throws(WireUnsupported) -> Bool {
        index += 1
        let start = index
        var escaped = false
        var ascii = true
        while true {
            // Find the next quote, backslash or control character, eight bytes at a time while
            // eight remain (most of a body is runs of plain text: ids, codes, names).
            if index + 8 <= bytes.count {
                let word = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
                let marks = Self.specialMarks(word)
                // Only the bytes before the first special one belong to this string.
                let plain = marks == 0 ? word : word & ((1 &<< UInt64(marks.trailingZeroBitCount & ~7)) &- 1)
                if plain & Self.highBits != 0 { ascii = false }
                guard marks != 0 else {
                    index += 8
                    continue
                }
                index += marks.trailingZeroBitCount / 8
            } else {
                guard index < bytes.count else { throw WireUnsupported() }
                let byte = bytes[index]
                if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                    if byte >= 0x80 { ascii = false }
                    index += 1
                    continue
                }
            }
            switch bytes[index] {
            case UInt8(ascii: "\""):
                // Bytes of a multi-byte character are never a quote or a backslash, so the
                // string's end is found before its UTF-8 is checked.
                guard ascii || Self.isValidUTF8(UnsafeBufferPointer(rebasing: bytes[start..<index])) else {
                    throw WireUnsupported()
                }
                try append(escaped ? .escapedString : .string, start, index)
                index += 1
                return ascii && !escaped
            case UInt8(ascii: "\\"):
                escaped = true
                try escape()
            default:
                throw WireUnsupported()
            }
        }
    }

    private static var lowBits: UInt64 { 0x0101_0101_0101_0101 }
    private static var highBits: UInt64 { 0x8080_8080_8080_8080 }

    /// The high bit of each byte of a little-endian word that is a quote, a backslash or below
    /// 0x20 (bytes from 0x80 up count as plain), by the classic tests for a zero byte and for a
    /// byte below n: a borrow can mark a byte above a marked one, never below, so the lowest
    /// mark is the first such byte.
    private static func specialMarks(_ word: UInt64) -> UInt64 {
        func zeroBytes(_ value: UInt64) -> UInt64 { (value &- lowBits) & ~value & highBits }
        let controls = (word &- 0x20 &* lowBits) & ~word & highBits
        return controls | zeroBytes(word ^ (UInt64(UInt8(ascii: "\"")) &* lowBits))
            | zeroBytes(word ^ (UInt64(UInt8(ascii: "\\")) &* lowBits))
    }

    /// Whether the bytes are well-formed UTF-8 by the standard library's own decoder, the one
    /// `String(decoding:as:)` repairs with: what it accepts is made into a string unchanged.
    private static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// Steps over one escape, its backslash at `index`; a `\u` escape must be a scalar, a high
    /// surrogate followed by a low one.
    private mutating func escape() throws(WireUnsupported) {
        guard index + 1 < bytes.count else { throw WireUnsupported() }
        switch bytes[index + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            index += 2
        case UInt8(ascii: "u"):
            let unit = try WireJSONToken.hex4(bytes, at: index + 2)
            index += 6
            if unit >= 0xD800 && unit < 0xDC00 {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                else { throw WireUnsupported() }
                let low = try WireJSONToken.hex4(bytes, at: index + 2)
                guard low >= 0xDC00 && low < 0xE000 else { throw WireUnsupported() }
                index += 6
            } else if unit >= 0xDC00 && unit < 0xE000 {
                throw WireUnsupported()
            }
        default:
            throw WireUnsupported()
        }
    }
}

extension WireJSONToken {
    /// The bytes of a string or number token.
    func range(in bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[Int(start)..<Int(end)])
    }

    /// Orders two string tokens by their bytes: negative, zero or positive.
    static func compare(_ bytes: UnsafeBufferPointer<UInt8>, _ left: WireJSONToken, _ right: WireJSONToken) -> Int {
        let a = left.range(in: bytes), b = right.range(in: bytes)
        let common = memcmp(a.baseAddress!, b.baseAddress!, min(a.count, b.count))
        return common != 0 ? Int(common) : a.count - b.count
    }

    /// The value of four hex digits at `index`.
    static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) throws(WireUnsupported) -> UInt32 {
        guard index + 4 <= bytes.count else { throw WireUnsupported() }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw WireUnsupported()
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// The UTF-8 of an escaped string token with its escapes undone (the scanner has checked
    /// them all).
    func unescaped(in bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(Int(end - start))
        var index = Int(start)
        let stop = Int(end)
        while index < stop {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\") else {
                result.append(byte)
                index += 1
                continue
            }
            let escaped = bytes[index + 1]
            index += 2
            switch escaped {
            case UInt8(ascii: "b"): result.append(0x08)
            case UInt8(ascii: "f"): result.append(0x0C)
            case UInt8(ascii: "n"): result.append(0x0A)
            case UInt8(ascii: "r"): result.append(0x0D)
            case UInt8(ascii: "t"): result.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = (try? Self.hex4(bytes, at: index)) ?? 0xFFFD
                index += 4
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    let low = (try? Self.hex4(bytes, at: index + 2)) ?? 0xDC00
                    index += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                result.append(contentsOf: (Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8)
            default: result.append(escaped)
            }
        }
        return result
    }
}
