/// Writes compact JSON with sorted keys and unescaped slashes, byte for byte as Foundation's
/// `JSONEncoder` does with `[.sortedKeys, .withoutEscapingSlashes]`.
///
/// Two ways in: values stream straight in (`openObject`, `key`, `string`, ..., used by the
/// `WireEncodable` types, which write their members in sorted order themselves), or a whole
/// `WireNode` tree goes through `write(_:)`, which sorts each object's keys. Commas are placed by
/// the writer. Where sameness with Foundation is not certain (a control character, U+2028) the
/// writer sets `declined`, and its bytes are then to be thrown away.
struct WireJSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Set when something was met whose bytes only Foundation's encoder is sure to get right.
    private(set) var declined = false
    /// Whether the next value or key follows another in the same object or array.
    private var needsComma = false

    init() {
        bytes.reserveCapacity(1024)
    }

    // MARK: - Streaming

    /// `{`, opening an object; its members follow as `key` and a value each.
    mutating func openObject() {
        open(UInt8(ascii: "{"))
    }

    /// `}`, closing the innermost open object.
    mutating func closeObject() {
        close(UInt8(ascii: "}"))
    }

    /// `[`, opening an array; its items follow as values.
    mutating func openArray() {
        open(UInt8(ascii: "["))
    }

    /// `]`, closing the innermost open array.
    mutating func closeArray() {
        close(UInt8(ascii: "]"))
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        needsComma = false
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        needsComma = true
    }

    /// A member's name and colon: `"name":`. The name is a plain ASCII identifier, written as it
    /// is; the caller writes the members of an object in Foundation's sorted order.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// One member: its name, then its value as the value writes itself.
    mutating func member<Value: WireEncodable>(_ name: StaticString, _ value: Value) {
        key(name)
        value.writeWire(to: &self)
    }

    /// A JSON string (see `appendQuoted`).
    mutating func string(_ text: String) {
        separate()
        appendQuoted(text)
    }

    /// A whole number in plain decimal, as Foundation writes integers.
    mutating func integer<T: FixedWidthInteger>(_ value: T) {
        separate()
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var rest = UInt64(truncatingIfNeeded: value.magnitude)
        var digits = 1
        var scale = rest
        while scale >= 10 {
            scale /= 10
            digits += 1
        }
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
        var position = start + digits - 1
        repeat {
            bytes[position] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            position -= 1
        } while rest > 0
    }

    /// `true` or `false`.
    mutating func bool(_ value: Bool) {
        raw(value ? "true" : "false")
    }

    /// `null`.
    mutating func null() {
        raw("null")
    }

    /// A value whose bytes the caller already has as text that needs no escaping (a number,
    /// `null`) or writes itself between quotes (`quoted`).
    mutating func raw(_ text: StaticString) {
        separate()
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// A string value whose ASCII bytes the body appends itself (an instant, a date), between
    /// quotes. The body answers false when it cannot, and the writer declines.
    mutating func quoted(_ body: (inout [UInt8]) -> Bool) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        if !body(&bytes) { declined = true }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Marks the output as not to be trusted; the codec then asks Foundation.
    mutating func decline() {
        declined = true
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
    }

    // MARK: - Trees

    /// Writes a tree; false when the output is not to be trusted.
    mutating func write(_ node: WireNode) -> Bool {
        switch node {
        case .literal(let text):
            separate()
            bytes.append(contentsOf: text.utf8)
        case .string(let text):
            string(text)
        case .array(let array):
            openArray()
            for item in array.items {
                guard write(item) else { return false }
            }
            closeArray()
        case .object(let object):
            guard let members = Self.sorted(object.members) else { return false }
            openObject()
            for member in members {
                separate()
                appendQuoted(member.key)
                bytes.append(UInt8(ascii: ":"))
                needsComma = false
                guard write(member.value) else { return false }
            }
            closeObject()
        }
        return !declined
    }

    /// The members in key order, or nil when a key is not plain ASCII letters or when
    /// ordering by bytes and ordering without regard to case disagree (Foundation's exact rule,
    /// which also compares digits by number, is then left to Foundation).
    static func sorted(_ members: [(key: String, value: WireNode)]) -> [(key: String, value: WireNode)]? {
        for member in members where member.key.isEmpty || !member.key.utf8.allSatisfy(isLetter) {
            return nil
        }
        let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        for index in sorted.indices.dropFirst() {
            let before = sorted[index - 1].key.utf8.lazy.map(lowercased)
            let after = sorted[index].key.utf8.lazy.map(lowercased)
            guard before.lexicographicallyPrecedes(after) else { return nil }
        }
        return sorted
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }

    // MARK: - Strings

    /// A JSON string: quote and backslash escaped, line feed, carriage return and tab as
    /// `\n`, `\r`, `\t`, everything else as its UTF-8 bytes, copied in runs. Other control
    /// characters, DEL and the line and paragraph separators decline.
    private mutating func appendQuoted(_ text: String) {
        var text = text
        text.withUTF8 { appendQuoted(utf8: $0) }
    }

    private mutating func appendQuoted(utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte >= 0x7F else {
                index += 1
                continue
            }
            if byte > 0x7F {
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9; other non-ASCII bytes stay as they are.
                if byte == 0xE2, index + 2 < utf8.count, utf8[index + 1] == 0x80,
                    utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9
                {
                    declined = true
                    return
                }
                index += 1
                continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            switch byte {
            case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
            case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            default:
                declined = true
                return
            }
            index += 1
            runStart = index
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
        bytes.append(UInt8(ascii: "\""))
    }
}
