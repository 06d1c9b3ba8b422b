import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Helpers shared by the SAX readers of the parts of an `.xlsx` package.
enum XMLPart {
    /// Runs a SAX parse of a small part held in memory.
    /// - Parameters:
    ///   - data: the part's bytes.
    ///   - name: the part's path, for the error message.
    ///   - delegate: receives the events.
    /// - Throws: `ImportError.corruptWorkbook` when the XML is not well formed.
    static func parse(_ data: Data, name: String, delegate: XMLParserDelegate) throws(ImportError) {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        guard parser.parse() else {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "无法解析"
            throw .corruptWorkbook("\(name)（第 \(parser.lineNumber) 行）：\(reason)")
        }
    }

    /// An element or attribute name without its namespace prefix: `x:row` → `row`.
    static func localName(_ qualified: String) -> Substring {
        if let colon = qualified.lastIndex(of: ":") {
            return qualified[qualified.index(after: colon)...]
        }
        return qualified[...]
    }

    /// The value of the attribute with this local name, whatever its prefix (`r:id`, `id`).
    static func attribute(_ local: String, in attributes: [String: String]) -> String? {
        if let value = attributes[local] { return value }
        for (key, value) in attributes where localName(key) == local {
            return value
        }
        return nil
    }

    /// Undoes OOXML's escaping of characters XML cannot hold: `_x000D_` is a carriage return,
    /// `_x005F_` an underscore.
    static func unescape(_ text: String) -> String {
        guard mayHaveEscapes(text) else { return text }
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", index + 6 < scalars.count, scalars[index + 1] == "x",
                scalars[index + 6] == "_",
                let value = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)..<(index + 6)])), radix: 16),
                let scalar = Unicode.Scalar(value)
            {
                result.append(scalar)
                index += 7
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }

    /// Whether `_x` occurs: a byte scan, as this runs for every string cell.
    private static func mayHaveEscapes(_ text: String) -> Bool {
        var previousWasUnderscore = false
        for byte in text.utf8 {
            if previousWasUnderscore && byte == UInt8(ascii: "x") { return true }
            previousWasUnderscore = byte == UInt8(ascii: "_")
        }
        return false
    }
}
