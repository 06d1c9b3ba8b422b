/// A value that writes its own JSON into a `WireJSONWriter`, without `Codable`: the codec's
/// fastest way out. An object writes its members in the order Foundation's `.sortedKeys` gives
/// them and exactly as its `encode(to:)` would (the same members, `null` where `encode(to:)`
/// writes one); `WireCodecTests` compares the bytes with `JSONEncoder`'s for every event.
protocol WireEncodable {
    /// Appends this value's JSON to the writer.
    func writeWire(to writer: inout WireJSONWriter)
}

/// A value that reads itself from a parsed `WireJSONValue`, without `Codable`: the codec's
/// fastest way in. It must accept only what its `init(from:)` accepts under Foundation's
/// `JSONDecoder`, and give the same value; on anything else it throws `WireUnsupported` and
/// the codec asks Foundation, whose errors are the contract's.
protocol WireDecodable {
    /// Reads the value from its JSON.
    init(wire value: WireJSONValue) throws(WireUnsupported)

    /// The value of an object member that is absent: an error, but for optionals, which are nil
    /// (as `decodeIfPresent` reads them).
    static func absentWireMember() throws(WireUnsupported) -> Self
}

extension WireDecodable {
    static func absentWireMember() throws(WireUnsupported) -> Self {
        throw WireUnsupported()
    }
}

/// Both ways: what every event and the types inside it adopt.
typealias WireCodable = WireEncodable & WireDecodable

/// An enum with string raw values, which `Codable` writes and reads as its raw value (an unknown
/// one is an error). Adopting it is all an enum needs for the fast codec.
protocol WireStringEnum: WireCodable, RawRepresentable where RawValue == String {}

extension WireStringEnum {
    func writeWire(to writer: inout WireJSONWriter) {
        writer.string(rawValue)
    }

    init(wire value: WireJSONValue) throws(WireUnsupported) {
        guard let known = Self(rawValue: try value.string()) else { throw WireUnsupported() }
        self = known
    }
}
