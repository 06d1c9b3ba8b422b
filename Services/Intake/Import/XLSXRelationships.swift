import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The relationships of one part of an `.xlsx` package (`_rels/*.rels`): id → type and target.
struct XLSXRelationships {
    /// One `<Relationship>`.
    struct Relationship: Equatable {
        var type: String
        /// The target as a path inside the package.
        var path: String
    }

    private(set) var byID: [String: Relationship] = [:]
    private var inOrder: [Relationship] = []

    /// Reads a `.rels` part.
    /// - Parameters:
    ///   - data: the part.
    ///   - sourcePart: the part the relationships belong to (`xl/workbook.xml`, or `""` for the
    ///     package), against whose folder relative targets resolve.
    init(data: Data, sourcePart: String) throws(ImportError) {
        let reader = Reader()
        try XMLPart.parse(data, name: "\(sourcePart) 的关系文件", delegate: reader)
        let folder = sourcePart.split(separator: "/").dropLast().joined(separator: "/")
        for (id, type, target, external) in reader.items where !external {
            let relationship = Relationship(type: type, path: XLSXRelationships.resolve(target, in: folder))
            byID[id] = relationship
            inOrder.append(relationship)
        }
    }

    /// The first relationship whose type ends with `/suffix` (types differ between transitional
    /// and strict OOXML only in their prefix).
    func first(ofType suffix: String) -> Relationship? {
        inOrder.first { $0.type.hasSuffix("/" + suffix) }
    }

    /// The path of the `.rels` part for a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
    static func relsPath(for part: String) -> String {
        var components = part.split(separator: "/").map(String.init)
        let file = components.popLast() ?? ""
        return (components + ["_rels", file + ".rels"]).joined(separator: "/")
    }

    /// Resolves a target against a folder: `worksheets/sheet1.xml` in `xl` → `xl/worksheets/sheet1.xml`;
    /// `/xl/x.xml` is absolute; `..` climbs.
    static func resolve(_ target: String, in folder: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(component)
            }
        }
        return parts.joined(separator: "/")
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var items: [(id: String, type: String, target: String, external: Bool)] = []

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            guard XMLPart.localName(elementName) == "Relationship",
                let id = attributeDict["Id"], let target = attributeDict["Target"]
            else { return }
            items.append(
                (id, attributeDict["Type"] ?? "", target, attributeDict["TargetMode"] == "External"))
        }
    }
}
