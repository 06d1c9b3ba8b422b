import Foundation

/// The codec's fast writer: encodes an envelope to the same bytes as Foundation's `JSONEncoder`
/// with `[.sortedKeys, .withoutEscapingSlashes]`, in a fraction of its time.
///
/// It covers what Shouhu's events are made of — objects, arrays, strings, whole numbers,
/// booleans and `null` — and gives up (`nil`) on anything where Foundation has rules of its own
/// or where byte-for-byte sameness is not certain: floating-point numbers, `Date`, `Data`,
/// `URL`, `Decimal`, keys that differ only in case or hold anything but ASCII letters and
/// digits, a key written twice, control characters other than line feed, carriage return and
/// tab, U+2028/U+2029, and nested or super encoders. `EventCodec` then uses `JSONEncoder`, so
/// giving up costs time, never correctness. Tests compare the two byte for byte.
struct WireJSONEncoder {
    /// The JSON bytes, or nil when the value needs Foundation's encoder.
    /// - Throws: whatever the value's own `encode(to:)` throws.
    func encode<T: Encodable>(_ value: T) throws -> Data? {
        let context = WireEncodingContext()
        let root = WireValueEncoder(context: context, codingPath: [])
        do {
            try value.encode(to: root)
        } catch is WireUnsupported {
            return nil
        }
        guard !context.unsupported, let tree = root.value else { return nil }
        var writer = WireJSONWriter()
        guard writer.write(tree) else { return nil }
        return Data(writer.bytes)
    }
}

extension WireJSONEncoder {
    /// An envelope's bytes with the header fields written straight into their sorted places
    /// around the payload (the header is most of an envelope and the same for every event); the
    /// payload goes through `encode`'s tree. The same bytes as `encode(envelope)`; tests check it.
    func encode<E: Event>(envelope: Envelope<E>) throws -> Data? {
        let context = WireEncodingContext()
        let root = WireValueEncoder(context: context, codingPath: [])
        let payload: WireNode
        do {
            payload = try root.node(for: envelope.payload, at: nil)
        } catch is WireUnsupported {
            return nil
        }
        guard !context.unsupported else { return nil }
        var writer = WireJSONWriter()
        var written = true
        envelope.writeWire(to: &writer) { written = $0.write(payload) }
        guard written, !writer.declined else { return nil }
        return Data(writer.bytes)
    }
}

/// Thrown inside the fast writer when a value needs Foundation's encoder.
struct WireUnsupported: Error {}

/// State shared by every encoder of one run: set when a non-throwing call met something the
/// fast writer does not handle.
final class WireEncodingContext {
    var unsupported = false
}

/// An encoded value, before it is written out with sorted keys.
enum WireNode {
    /// A number, `true`, `false` or `null`, as written.
    case literal(String)
    case string(String)
    case object(WireObject)
    case array(WireArray)
}

/// An object being filled; a class so that several containers can fill the same one.
final class WireObject {
    var members: [(key: String, value: WireNode)] = []
}

/// An array being filled; a class so that a container can keep appending to it.
final class WireArray {
    var items: [WireNode] = []
}

/// Encodes one value into a node.
final class WireValueEncoder: Encoder {
    let context: WireEncodingContext
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// What was encoded; nil until something was.
    var value: WireNode?

    init(context: WireEncodingContext, codingPath: [any CodingKey]) {
        self.context = context
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object: WireObject
        switch value {
        case .object(let existing): object = existing
        case nil:
            object = WireObject()
            value = .object(object)
        default:
            context.unsupported = true
            object = WireObject()
        }
        return KeyedEncodingContainer(WireKeyedContainer<Key>(encoder: self, object: object))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let array: WireArray
        switch value {
        case .array(let existing): array = existing
        case nil:
            array = WireArray()
            value = .array(array)
        default:
            context.unsupported = true
            array = WireArray()
        }
        return WireUnkeyedContainer(encoder: self, array: array)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        WireSingleValueContainer(encoder: self)
    }

    /// The node for any encodable value: the common leaf types directly, everything else
    /// through its own `encode(to:)`.
    func node<T: Encodable>(for value: T, at key: (any CodingKey)?) throws -> WireNode {
        if let text = value as? String { return .string(text) }
        if let number = value as? Int { return .literal(String(number)) }
        if let flag = value as? Bool { return .literal(flag ? "true" : "false") }
        // Foundation encodes these by rules of its own (strategies, base64, absolute strings).
        if value is Date || value is Data || value is URL || value is Decimal
            || value is Double || value is Float
        {
            throw WireUnsupported()
        }
        let child = WireValueEncoder(context: context, codingPath: key.map { codingPath + [$0] } ?? codingPath)
        try value.encode(to: child)
        // A value that encoded nothing: Foundation writes `{}`; leave such oddities to it.
        guard let encoded = child.value else { throw WireUnsupported() }
        return encoded
    }
}

/// Fills one object.
struct WireKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: WireValueEncoder
    let object: WireObject
    var codingPath: [any CodingKey] { encoder.codingPath }

    private func put(_ node: WireNode, _ key: Key) throws {
        let name = key.stringValue
        if object.members.contains(where: { $0.key == name }) { throw WireUnsupported() }
        object.members.append((name, node))
    }

    mutating func encodeNil(forKey key: Key) throws { try put(.literal("null"), key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try put(.literal(value ? "true" : "false"), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { try put(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { throw WireUnsupported() }
    mutating func encode(_ value: Float, forKey key: Key) throws { throw WireUnsupported() }
    mutating func encode(_ value: Int, forKey key: Key) throws { try put(.literal(String(value)), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try put(.literal(String(value)), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try put(.literal(String(value)), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try put(.literal(String(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try put(.literal(String(value)), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try put(.literal(String(value)), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try put(.literal(String(value)), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try put(.literal(String(value)), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try put(.literal(String(value)), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try put(.literal(String(value)), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try put(try encoder.node(for: value, at: key), key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        encoder.context.unsupported = true
        return WireValueEncoder(context: encoder.context, codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder.context.unsupported = true
        return WireValueEncoder(context: encoder.context, codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        encoder.context.unsupported = true
        return WireValueEncoder(context: encoder.context, codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder() }
}

/// Fills one array.
struct WireUnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: WireValueEncoder
    let array: WireArray
    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { array.items.count }

    mutating func encodeNil() throws { array.items.append(.literal("null")) }
    mutating func encode(_ value: Bool) throws { array.items.append(.literal(value ? "true" : "false")) }
    mutating func encode(_ value: String) throws { array.items.append(.string(value)) }
    mutating func encode(_ value: Double) throws { throw WireUnsupported() }
    mutating func encode(_ value: Float) throws { throw WireUnsupported() }
    mutating func encode(_ value: Int) throws { array.items.append(.literal(String(value))) }
    mutating func encode(_ value: Int8) throws { array.items.append(.literal(String(value))) }
    mutating func encode(_ value: Int16) throws { array.items.append(.literal(String(value))) }
    mutating func encode(_ value: Int32) throws { array.items.append(.literal(String(value))) }
    mutating func encode(_ value: Int64) throws { array.items.append(.literal(String(value))) }
    mutating func encode(_ value: UInt) throws { array.items.append(.literal(String(value))) }
    mutating func encode(_ value: UInt8) throws { array.items.append(.literal(String(value))) }
    mutating func encode(_ value: UInt16) throws { array.items.append(.literal(String(value))) }
    mutating func encode(_ value: UInt32) throws { array.items.append(.literal(String(value))) }
    mutating func encode(_ value: UInt64) throws { array.items.append(.literal(String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        array.items.append(try encoder.node(for: value, at: WireIndexKey(intValue: array.items.count)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        encoder.context.unsupported = true
        return WireValueEncoder(context: encoder.context, codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        encoder.context.unsupported = true
        return WireValueEncoder(context: encoder.context, codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        encoder.context.unsupported = true
        return WireValueEncoder(context: encoder.context, codingPath: codingPath)
    }
}

/// Holds one value (a date as text, an enum's raw value, an optional's `null`).
struct WireSingleValueContainer: SingleValueEncodingContainer {
    let encoder: WireValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    private func set(_ node: WireNode) throws {
        guard encoder.value == nil else { throw WireUnsupported() }
        encoder.value = node
    }

    mutating func encodeNil() throws { try set(.literal("null")) }
    mutating func encode(_ value: Bool) throws { try set(.literal(value ? "true" : "false")) }
    mutating func encode(_ value: String) throws { try set(.string(value)) }
    mutating func encode(_ value: Double) throws { throw WireUnsupported() }
    mutating func encode(_ value: Float) throws { throw WireUnsupported() }
    mutating func encode(_ value: Int) throws { try set(.literal(String(value))) }
    mutating func encode(_ value: Int8) throws { try set(.literal(String(value))) }
    mutating func encode(_ value: Int16) throws { try set(.literal(String(value))) }
    mutating func encode(_ value: Int32) throws { try set(.literal(String(value))) }
    mutating func encode(_ value: Int64) throws { try set(.literal(String(value))) }
    mutating func encode(_ value: UInt) throws { try set(.literal(String(value))) }
    mutating func encode(_ value: UInt8) throws { try set(.literal(String(value))) }
    mutating func encode(_ value: UInt16) throws { try set(.literal(String(value))) }
    mutating func encode(_ value: UInt32) throws { try set(.literal(String(value))) }
    mutating func encode(_ value: UInt64) throws { try set(.literal(String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws { try set(try encoder.node(for: value, at: nil)) }
}

/// An array position on a coding path.
struct WireIndexKey: CodingKey {
    var stringValue: String { String(intValue ?? 0) }
    var intValue: Int?
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}
