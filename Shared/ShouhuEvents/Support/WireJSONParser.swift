/// A parsed JSON value, as the Codable fast reader (`WireJSONDecoder`) keeps it: numbers stay
/// text until a field asks for one, objects keep their members in order.
enum WireValue {
    case null
    case bool(Bool)
    /// A whole number in plain form (`-?(0|[1-9][0-9]*)`), as written.
    case number(String)
    case string(String)
    case array([WireValue])
    case object([(key: String, value: WireValue)])
}

/// Builds a `WireValue` tree from what `WireJSONScanner` found, for the Codable fast reader. The
/// scanner decides what is accepted: plain JSON only, everything else thrown as
/// `WireUnsupported` and left to Foundation's `JSONDecoder`, whose verdict and errors stay the
/// contract's.
enum WireJSONParser {
    /// Parses one JSON text that fills `bytes` (whitespace around it allowed).
    static func parse(_ bytes: UnsafeRawBufferPointer) throws(WireUnsupported) -> WireValue {
        guard let tree = WireJSONDocument.read(bytes, { root throws(WireUnsupported) in try WireValue(wire: root) }) else {
            throw WireUnsupported()
        }
        return tree
    }
}

extension WireValue: WireDecodable {
    /// The tree of a scanned value, read as the fast readers read values.
    init(wire value: WireJSONValue) throws(WireUnsupported) {
        let document = value.document
        switch value.token.kind {
        case .null: self = .null
        case .boolTrue: self = .bool(true)
        case .boolFalse: self = .bool(false)
        case .number: self = .number(String(decoding: value.token.range(in: document.bytes), as: UTF8.self))
        case .string, .escapedString: self = .string(try value.string())
        case .array: self = .array(try value.array().map(WireValue.self))
        case .object:
            var members: [(key: String, value: WireValue)] = []
            var key = value.index + 1
            for _ in 0..<value.token.end {
                let name = try WireJSONValue(document: document, index: key).string()
                members.append((name, try WireValue(wire: WireJSONValue(document: document, index: key + 1))))
                key = Int(document.tokens[key + 1].next)
            }
            self = .object(members)
        }
    }
}
