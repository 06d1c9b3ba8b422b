/// Writes a `WireNode` tree as compact JSON with sorted keys and unescaped slashes, byte for
/// byte as Foundation's `JSONEncoder` does with `[.sortedKeys, .withoutEscapingSlashes]`.
/// `write` answers false, leaving the bytes unfinished, where sameness is not certain.
struct WireJSONWriter {
    private(set) var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(768)
    }

    mutating func write(_ node: WireNode) -> Bool {
        switch node {
        case .literal(let text):
            bytes.append(contentsOf: text.utf8)
        case .string(let text):
            return writeString(text)
        case .array(let array):
            bytes.append(UInt8(ascii: "["))
            for (index, item) in array.items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                guard write(item) else { return false }
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let object):
            guard let members = Self.sorted(object.members) else { return false }
            bytes.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                guard writeString(member.key) else { return false }
                bytes.append(UInt8(ascii: ":"))
                guard write(member.value) else { return false }
            }
            bytes.append(UInt8(ascii: "}"))
        }
        return true
    }

    /// An object whose keys are known and already in order (plain ASCII names, written as they
    /// are).
    mutating func writeObject(sortedFields fields: [(name: StaticString, value: WireNode)]) -> Bool {
        bytes.append(UInt8(ascii: "{"))
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: UnsafeBufferPointer(start: field.name.utf8Start, count: field.name.utf8CodeUnitCount))
            bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
            guard write(field.value) else { return false }
        }
        bytes.append(UInt8(ascii: "}"))
        return true
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

    /// A JSON string: quote and backslash escaped, line feed, carriage return and tab as
    /// `\n`, `\r`, `\t`, everything else as its UTF-8 bytes. Other control characters, DEL and
    /// the line and paragraph separators answer false.
    private mutating func writeString(_ text: String) -> Bool {
        bytes.append(UInt8(ascii: "\""))
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x00..<0x20, 0x7F: return false
            case 0xE2:
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                bytes.append(byte)
                guard let second = utf8.next() else { return false }
                bytes.append(second)
                guard let third = utf8.next() else { return false }
                if second == 0x80 && (third == 0xA8 || third == 0xA9) { return false }
                bytes.append(third)
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        return true
    }
}
