import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The shared string table (`xl/sharedStrings.xml`), read with a SAX parser. A rich-text entry's
/// runs (`<r><t>张</t></r><r><t>三</t></r>`) are joined; phonetic guides (`<rPh>`) are left out.
struct XLSXSharedStrings: Sendable {
    /// The strings by index.
    let strings: [String]

    /// An empty table, for a workbook without one.
    init() {
        strings = []
    }

    /// Reads the part.
    init(data: Data, name: String) throws(ImportError) {
        let reader = Reader()
        try XMLPart.parse(data, name: name, delegate: reader)
        strings = reader.strings
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var strings: [String] = []
        private var current = ""
        private var inItem = false
        private var capturing = false
        private var phoneticDepth = 0

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            switch XMLPart.localName(elementName) {
            case "si":
                inItem = true
                current = ""
            case "rPh":
                phoneticDepth += 1
            case "t":
                capturing = inItem && phoneticDepth == 0
            default:
                break
            }
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?
        ) {
            switch XMLPart.localName(elementName) {
            case "si":
                strings.append(XMLPart.unescape(current))
                inItem = false
            case "rPh":
                phoneticDepth -= 1
            case "t":
                capturing = false
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if capturing { current += string }
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            if capturing { current += String(decoding: CDATABlock, as: UTF8.self) }
        }
    }
}
