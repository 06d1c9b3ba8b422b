/// The standard library's types the events are made of, written and read as Foundation's
/// `JSONEncoder` and `JSONDecoder` write and read them.

extension String: WireCodable {
    func writeWire(to writer: inout WireJSONWriter) {
        writer.string(self)
    }

    init(wire value: WireJSONValue) throws(WireUnsupported) {
        self = try value.string()
    }
}

extension Int: WireCodable {
    func writeWire(to writer: inout WireJSONWriter) {
        writer.integer(self)
    }

    init(wire value: WireJSONValue) throws(WireUnsupported) {
        self = try value.integer(Int.self)
    }
}

extension Int64: WireCodable {
    func writeWire(to writer: inout WireJSONWriter) {
        writer.integer(self)
    }

    init(wire value: WireJSONValue) throws(WireUnsupported) {
        self = try value.integer(Int64.self)
    }
}

extension Bool: WireCodable {
    func writeWire(to writer: inout WireJSONWriter) {
        writer.bool(self)
    }

    init(wire value: WireJSONValue) throws(WireUnsupported) {
        self = try value.bool()
    }
}

/// `null` when nil, as `encode(_:forKey:)` writes an optional; read as nil when `null` or
/// absent, as `decodeIfPresent` (and the synthesized `init(from:)`) read one.
extension Optional: WireEncodable where Wrapped: WireEncodable {
    func writeWire(to writer: inout WireJSONWriter) {
        if let self { self.writeWire(to: &writer) } else { writer.null() }
    }
}

extension Optional: WireDecodable where Wrapped: WireDecodable {
    init(wire value: WireJSONValue) throws(WireUnsupported) {
        self = value.isNull ? nil : try Wrapped(wire: value)
    }

    static func absentWireMember() throws(WireUnsupported) -> Self {
        nil
    }
}

extension Array: WireEncodable where Element: WireEncodable {
    func writeWire(to writer: inout WireJSONWriter) {
        writer.openArray()
        for element in self { element.writeWire(to: &writer) }
        writer.closeArray()
    }
}

extension Array: WireDecodable where Element: WireDecodable {
    init(wire value: WireJSONValue) throws(WireUnsupported) {
        self = try value.array().map(Element.self)
    }
}
