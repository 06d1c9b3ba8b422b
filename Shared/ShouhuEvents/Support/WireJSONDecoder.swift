import Foundation

/// The codec's fast reader: decodes a body with `WireJSONParser` and a small `Decoder` over its
/// tree. It only ever answers with a value Foundation's `JSONDecoder` would also produce; on
/// anything it does not handle, and on every error (bad JSON, a missing field, a wrong type, a
/// type's own check), it throws and `EventCodec` asks `JSONDecoder` again, so errors and their
/// JSON paths are exactly Foundation's. Floating-point numbers, `Date`, `Data`, `URL` and
/// `Decimal` are left to Foundation, which has rules of its own for them.
struct WireJSONDecoder {
    /// The decoded value, or a throw when Foundation must decide.
    func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let tree = try data.withUnsafeBytes { raw throws(WireUnsupported) in try WireJSONParser.parse(raw) }
        return try T(from: WireValueDecoder(value: tree, codingPath: []))
    }
}

/// Decodes from one node of the tree.
struct WireValueDecoder: Decoder {
    let value: WireValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else { throw WireUnsupported() }
        return KeyedDecodingContainer(WireKeyedDecodingContainer<Key>(members: members, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw WireUnsupported() }
        return WireUnkeyedDecodingContainer(items: items, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        WireSingleValueDecodingContainer(value: value, codingPath: codingPath)
    }
}

/// The leaf conversions every container shares; each throws when the node is not of the kind
/// asked for.
enum WireLeaf {
    static func string(_ value: WireValue) throws -> String {
        guard case .string(let text) = value else { throw WireUnsupported() }
        return text
    }

    static func bool(_ value: WireValue) throws -> Bool {
        guard case .bool(let flag) = value else { throw WireUnsupported() }
        return flag
    }

    static func integer<T: FixedWidthInteger>(_ value: WireValue, as type: T.Type) throws -> T {
        guard case .number(let text) = value, let number = T(text) else { throw WireUnsupported() }
        return number
    }

    /// Any decodable value: strings and whole numbers directly, Foundation's special types
    /// refused, everything else through its own `init(from:)`.
    /// - Parameters:
    ///   - parent, key: where the value sits; joined into a coding path only when a nested
    ///     decoder needs one.
    static func decode<T: Decodable>(_ type: T.Type, _ value: WireValue, in parent: [any CodingKey],
                                     at key: (any CodingKey)?) throws -> T {
        if T.self == String.self { return try string(value) as! T }
        if T.self == Int.self { return try integer(value, as: Int.self) as! T }
        if T.self == Date.self || T.self == Data.self || T.self == URL.self || T.self == Decimal.self
            || T.self == Double.self || T.self == Float.self
        {
            throw WireUnsupported()
        }
        return try T(from: WireValueDecoder(value: value, codingPath: key.map { parent + [$0] } ?? parent))
    }
}

/// Reads the members of one object.
struct WireKeyedDecodingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [(key: String, value: WireValue)]
    let codingPath: [any CodingKey]

    var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }

    func contains(_ key: Key) -> Bool {
        let name = key.stringValue
        return members.contains { $0.key == name }
    }

    private func member(_ key: Key) throws -> WireValue {
        let name = key.stringValue
        for member in members where member.key == name { return member.value }
        throw WireUnsupported()
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        if case .null = try member(key) { return true }
        return false
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try WireLeaf.bool(member(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try WireLeaf.string(member(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { throw WireUnsupported() }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { throw WireUnsupported() }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try WireLeaf.integer(member(key), as: type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try WireLeaf.integer(member(key), as: type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try WireLeaf.integer(member(key), as: type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try WireLeaf.integer(member(key), as: type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try WireLeaf.integer(member(key), as: type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try WireLeaf.integer(member(key), as: type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try WireLeaf.integer(member(key), as: type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try WireLeaf.integer(member(key), as: type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try WireLeaf.integer(member(key), as: type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try WireLeaf.integer(member(key), as: type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try WireLeaf.decode(type, member(key), in: codingPath, at: key)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try WireValueDecoder(value: member(key), codingPath: codingPath + [key]).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try WireValueDecoder(value: member(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { throw WireUnsupported() }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw WireUnsupported() }
}

/// Reads the items of one array in order.
struct WireUnkeyedDecodingContainer: UnkeyedDecodingContainer {
    let items: [WireValue]
    let codingPath: [any CodingKey]
    var currentIndex = 0

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private mutating func next() throws -> WireValue {
        guard currentIndex < items.count else { throw WireUnsupported() }
        defer { currentIndex += 1 }
        return items[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard currentIndex < items.count else { throw WireUnsupported() }
        if case .null = items[currentIndex] {
            currentIndex += 1
            return true
        }
        return false
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try WireLeaf.bool(next()) }
    mutating func decode(_ type: String.Type) throws -> String { try WireLeaf.string(next()) }
    mutating func decode(_ type: Double.Type) throws -> Double { throw WireUnsupported() }
    mutating func decode(_ type: Float.Type) throws -> Float { throw WireUnsupported() }
    mutating func decode(_ type: Int.Type) throws -> Int { try WireLeaf.integer(next(), as: type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try WireLeaf.integer(next(), as: type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try WireLeaf.integer(next(), as: type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try WireLeaf.integer(next(), as: type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try WireLeaf.integer(next(), as: type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try WireLeaf.integer(next(), as: type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try WireLeaf.integer(next(), as: type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try WireLeaf.integer(next(), as: type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try WireLeaf.integer(next(), as: type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try WireLeaf.integer(next(), as: type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let position = currentIndex
        return try WireLeaf.decode(type, next(), in: codingPath, at: WireIndexKey(intValue: position))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        let position = currentIndex
        return try WireValueDecoder(value: next(), codingPath: codingPath + [WireIndexKey(intValue: position)])
            .container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let position = currentIndex
        return try WireValueDecoder(value: next(), codingPath: codingPath + [WireIndexKey(intValue: position)])
            .unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { throw WireUnsupported() }
}

/// Reads a single value (a date's text, an enum's raw value, an optional).
struct WireSingleValueDecodingContainer: SingleValueDecodingContainer {
    let value: WireValue
    let codingPath: [any CodingKey]

    func decodeNil() -> Bool {
        if case .null = value { return true }
        return false
    }

    func decode(_ type: Bool.Type) throws -> Bool { try WireLeaf.bool(value) }
    func decode(_ type: String.Type) throws -> String { try WireLeaf.string(value) }
    func decode(_ type: Double.Type) throws -> Double { throw WireUnsupported() }
    func decode(_ type: Float.Type) throws -> Float { throw WireUnsupported() }
    func decode(_ type: Int.Type) throws -> Int { try WireLeaf.integer(value, as: type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try WireLeaf.integer(value, as: type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try WireLeaf.integer(value, as: type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try WireLeaf.integer(value, as: type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try WireLeaf.integer(value, as: type) }
    func decode(_ type: UInt.Type) throws -> UInt { try WireLeaf.integer(value, as: type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try WireLeaf.integer(value, as: type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try WireLeaf.integer(value, as: type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try WireLeaf.integer(value, as: type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try WireLeaf.integer(value, as: type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try WireLeaf.decode(type, value, in: codingPath, at: nil) }
}
