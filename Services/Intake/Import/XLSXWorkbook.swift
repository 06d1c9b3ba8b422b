import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// What the importer needs from `xl/workbook.xml`: the sheets in tab order and the date system.
struct XLSXWorkbook {
    /// A `<sheet>` entry.
    struct Sheet: Equatable {
        var name: String
        /// The relationship id of the sheet's part.
        var relationshipID: String
    }

    /// The sheets in the order of their tabs.
    private(set) var sheets: [Sheet] = []
    /// True for the 1904 date system (`<workbookPr date1904="1"/>`).
    private(set) var uses1904DateSystem = false

    /// Reads the workbook part.
    init(data: Data, name: String) throws(ImportError) {
        let reader = Reader()
        try XMLPart.parse(data, name: name, delegate: reader)
        sheets = reader.sheets
        uses1904DateSystem = reader.date1904
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var sheets: [Sheet] = []
        var date1904 = false

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            switch XMLPart.localName(elementName) {
            case "sheet":
                if let id = XMLPart.attribute("id", in: attributeDict) {
                    sheets.append(Sheet(name: attributeDict["name"] ?? "", relationshipID: id))
                }
            case "workbookPr":
                let value = attributeDict["date1904"]?.lowercased()
                date1904 = value == "1" || value == "true"
            default:
                break
            }
        }
    }
}
