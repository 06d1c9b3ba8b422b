/// A parsed JSON value, as the fast reader keeps it: numbers stay text until a field asks for
/// one, objects keep their members in order.
enum WireValue {
    case null
    case bool(Bool)
    /// A whole number in plain form (`-?(0|[1-9][0-9]*)`), as written.
    case number(String)
    case string(String)
    case array([WireValue])
    case object([(key: String, value: WireValue)])
}

/// A strict JSON parser for the codec's fast reader. It accepts only plain RFC 8259 JSON with
/// whole numbers, valid UTF-8, properly paired `\u` escapes, no duplicate keys and at most 64
/// levels; it throws `WireUnsupported` on anything else — bad JSON and the laxer forms
/// Foundation reads (trailing commas, fractions, exponents) alike — and the codec then asks
/// Foundation's `JSONDecoder`, whose verdict and errors stay the contract's.
struct WireJSONParser {
    private let bytes: UnsafeRawBufferPointer
    private var index = 0
    private var depth = 0
    private static let maxDepth = 64

    /// Parses one JSON text that fills `bytes` (whitespace around it allowed).
    static func parse(_ bytes: UnsafeRawBufferPointer) throws(WireUnsupported) -> WireValue {
        var parser = WireJSONParser(bytes: bytes)
        parser.skipWhitespace()
        let value = try parser.value()
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw WireUnsupported() }
        return value
    }

    private init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
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

    private mutating func expect(_ literal: StaticString) throws(WireUnsupported) {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw WireUnsupported() }
        let start = literal.utf8Start
        for offset in 0..<count where bytes[index + offset] != start[offset] { throw WireUnsupported() }
        index += count
    }

    private mutating func value() throws(WireUnsupported) -> WireValue {
        guard let byte = current else { throw WireUnsupported() }
        switch byte {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"):
            try expect("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expect("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expect("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw WireUnsupported()
        }
    }

    private mutating func object() throws(WireUnsupported) -> WireValue {
        depth += 1
        guard depth <= Self.maxDepth else { throw WireUnsupported() }
        defer { depth -= 1 }
        index += 1
        var members: [(key: String, value: WireValue)] = []
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw WireUnsupported() }
            let key = try string()
            for member in members where member.key == key { throw WireUnsupported() }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw WireUnsupported() }
            index += 1
            skipWhitespace()
            members.append((key: key, value: try value()))
            skipWhitespace()
            guard let separator = current else { throw WireUnsupported() }
            index += 1
            if separator == UInt8(ascii: "}") { return .object(members) }
            guard separator == UInt8(ascii: ",") else { throw WireUnsupported() }
        }
    }

    private mutating func array() throws(WireUnsupported) -> WireValue {
        depth += 1
        guard depth <= Self.maxDepth else { throw WireUnsupported() }
        defer { depth -= 1 }
        index += 1
        var items: [WireValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try value())
            skipWhitespace()
            guard let separator = current else { throw WireUnsupported() }
            index += 1
            if separator == UInt8(ascii: "]") { return .array(items) }
            guard separator == UInt8(ascii: ",") else { throw WireUnsupported() }
        }
    }

    /// A whole number in plain form; `-0`, fractions and exponents are left to Foundation.
    private mutating func number() throws(WireUnsupported) -> WireValue {
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
        return .number(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
    }

    /// A string, unescaped; the opening quote is at `index`.
    private mutating func string() throws(WireUnsupported) -> String {
        index += 1
        let start = index
        // The common case: no escapes, so the bytes between the quotes are the string.
        while let byte = current, byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
            guard byte >= 0x20 else { throw WireUnsupported() }
            index += 1
        }
        guard let stop = current else { throw WireUnsupported() }
        if stop == UInt8(ascii: "\"") {
            index += 1
            return try Self.text(UnsafeRawBufferPointer(rebasing: bytes[start..<index - 1]))
        }
        var unescaped = [UInt8](UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
        while let byte = current {
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                let text = String(decoding: unescaped, as: UTF8.self)
                // `String(decoding:)` repairs bad UTF-8, which changes the bytes: leave such
                // text to Foundation.
                guard text.utf8.elementsEqual(unescaped) else { throw WireUnsupported() }
                return text
            case UInt8(ascii: "\\"):
                guard let escaped = current else { throw WireUnsupported() }
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): unescaped.append(escaped)
                case UInt8(ascii: "b"): unescaped.append(0x08)
                case UInt8(ascii: "f"): unescaped.append(0x0C)
                case UInt8(ascii: "n"): unescaped.append(0x0A)
                case UInt8(ascii: "r"): unescaped.append(0x0D)
                case UInt8(ascii: "t"): unescaped.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if scalar >= 0xD800 && scalar < 0xDC00 {
                        try expect("\\u")
                        let low = try hex4()
                        guard low >= 0xDC00 && low < 0xE000 else { throw WireUnsupported() }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if scalar >= 0xDC00 && scalar < 0xE000 {
                        throw WireUnsupported()
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw WireUnsupported() }
                    unescaped.append(contentsOf: unicode.utf8)
                default: throw WireUnsupported()
                }
            default:
                guard byte >= 0x20 else { throw WireUnsupported() }
                unescaped.append(byte)
            }
        }
        throw WireUnsupported()
    }

    private mutating func hex4() throws(WireUnsupported) -> UInt32 {
        guard index + 4 <= bytes.count else { throw WireUnsupported() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            index += 1
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

    /// The bytes as a string when they are valid UTF-8. (`String(validating:)` is generic and
    /// slow here; ASCII, most of a body, needs no check, and a repair by `String(decoding:)`
    /// shows as changed bytes.)
    private static func text(_ raw: UnsafeRawBufferPointer) throws(WireUnsupported) -> String {
        let text = String(decoding: raw, as: UTF8.self)
        if raw.allSatisfy({ $0 < 0x80 }) { return text }
        guard text.utf8.elementsEqual(raw) else { throw WireUnsupported() }
        return text
    }
}
