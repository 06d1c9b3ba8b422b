import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// From `xl/styles.xml`, which cell styles (`s` on a cell, an index into `<cellXfs>`) show dates.
struct XLSXStyles: Sendable {
    /// Per cell style index, whether its number format is a date format.
    private let dateStyles: [Bool]

    /// No styles: nothing is a date.
    init() {
        dateStyles = []
    }

    /// Reads the part.
    init(data: Data, name: String) throws(ImportError) {
        let reader = Reader()
        try XMLPart.parse(data, name: name, delegate: reader)
        dateStyles = reader.cellFormatIDs.map { XLSXNumberFormat.isDate(id: $0, code: reader.customFormats[$0]) }
    }

    /// Whether cells with this style index show a date.
    func isDate(style: Int) -> Bool {
        style >= 0 && style < dateStyles.count && dateStyles[style]
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var customFormats: [Int: String] = [:]
        var cellFormatIDs: [Int] = []
        private var inCellXfs = false

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            switch XMLPart.localName(elementName) {
            case "numFmt":
                if let id = attributeDict["numFmtId"].flatMap({ Int($0) }), let code = attributeDict["formatCode"] {
                    customFormats[id] = code
                }
            case "cellXfs":
                inCellXfs = true
            case "xf" where inCellXfs:
                cellFormatIDs.append(attributeDict["numFmtId"].flatMap { Int($0) } ?? 0)
            default:
                break
            }
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?
        ) {
            if XMLPart.localName(elementName) == "cellXfs" { inCellXfs = false }
        }
    }
}
