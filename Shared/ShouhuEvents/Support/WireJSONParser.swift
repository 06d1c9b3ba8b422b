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
        guard let tree = WireJSONDocument.read(bytes, { root throws(WireUnsupported) in try tree(root) }) else {
            throw WireUnsupported()
        }
        return tree
    }

    private static func tree(_ value: WireJSONValue) throws(WireUnsupported) -> WireValue {
        let document = value.document
        switch value.token.kind {
        case .null: return .null
        case .boolTrue: return .bool(true)
        case .boolFalse: return .bool(false)
        case .number: return .number(String(decoding: value.token.range(in: document.bytes), as: UTF8.self))
        case .string, .escapedString: return .string(try value.string())
        case .array:
            var items: [WireValue] = []
            var item = value.index + 1
            for _ in 0..<value.token.end {
                items.append(try tree(WireJSONValue(document: document, index: item)))
                item = Int(document.tokens[item].next)
            }
            return .array(items)
        case .object:
            var members: [(key: String, value: WireValue)] = []
            var key = value.index + 1
            for _ in 0..<value.token.end {
                let name = try WireJSONValue(document: document, index: key).string()
                members.append((name, try tree(WireJSONValue(document: document, index: key + 1))))
                key = Int(document.tokens[key + 1].next)
            }
            return .object(members)
        }
    }
}
