import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a worksheet part with a SAX parser, streaming from a file, and sends its rows in order
/// through a `SheetRowChannel`.
///
/// A cell's reference (`C7`) places it in its column, so missing cells are empty; rows Excel left
/// out (empty ones) are simply absent and the others keep their true numbers. Parsing stops at
/// `</sheetData>`: merged ranges, page setup and the rest are not needed.
final class XLSXSheetParser: NSObject, XMLParserDelegate {
    /// Rows handed over at a time.
    static let batchSize = 256

    private let formatter: XLSXCellFormatter
    private let channel: SheetRowChannel

    private var batch: [SpreadsheetRow] = []
    private var rowNumber = 0
    private var cells: [String] = []
    private var problems: [LedgerProblem] = []
    private var lastColumn = -1

    private var cellColumn = 0
    private var cellType = "n"
    private var cellStyle = 0
    private var text = ""
    private var capturing = false
    private var inInlineString = false
    private var phoneticDepth = 0

    private var reachedEnd = false
    private var cancelled = false

    init(formatter: XLSXCellFormatter, channel: SheetRowChannel) {
        self.formatter = formatter
        self.channel = channel
    }

    /// Parses the sheet at `url` and finishes the channel.
    func run(url: URL, sheetName: String) {
        guard let stream = InputStream(url: url) else {
            channel.finish(failure: .corruptWorkbook("无法读取工作表“\(sheetName)”"))
            return
        }
        let parser = XMLParser(stream: stream)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
        let parsed = parser.parse()
        if cancelled { return }
        if parsed || reachedEnd {
            if !batch.isEmpty { _ = channel.send(batch) }
            channel.finish(failure: nil)
        } else {
            if !batch.isEmpty { _ = channel.send(batch) }
            let reason = parser.parserError.map { $0.localizedDescription } ?? "无法解析"
            channel.finish(
                failure: .corruptWorkbook("工作表“\(sheetName)”第 \(parser.lineNumber) 行（XML）：\(reason)"))
        }
    }

    // MARK: - XMLParserDelegate

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        switch Self.localName(elementName) {
        case "row":
            rowNumber = attributeDict["r"].flatMap { Int($0) } ?? rowNumber + 1
            cells.removeAll(keepingCapacity: true)
            problems.removeAll()
            lastColumn = -1
        case "c":
            if let reference = attributeDict["r"], let parsed = ColumnName.parse(reference: reference) {
                cellColumn = parsed.column
            } else {
                cellColumn = lastColumn + 1
            }
            lastColumn = cellColumn
            cellType = attributeDict["t"] ?? "n"
            cellStyle = attributeDict["s"].flatMap { Int($0) } ?? 0
            text = ""
            inInlineString = false
        case "v":
            capturing = true
        case "is":
            inInlineString = true
        case "rPh":
            phoneticDepth += 1
        case "t":
            capturing = inInlineString && phoneticDepth == 0
        default:
            break
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        switch Self.localName(elementName) {
        case "v", "t":
            capturing = false
        case "rPh":
            phoneticDepth -= 1
        case "is":
            inInlineString = false
        case "c":
            finishCell()
        case "row":
            finishRow(parser)
        case "sheetData":
            reachedEnd = true
            parser.abortParsing()
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capturing { text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if capturing { text += String(decoding: CDATABlock, as: UTF8.self) }
    }

    /// The element name without a namespace prefix. Sheets almost never use one, and this runs
    /// twice per cell, so the unprefixed name is returned as it is.
    private static func localName(_ name: String) -> String {
        guard name.utf8.contains(UInt8(ascii: ":")) else { return name }
        return String(XMLPart.localName(name))
    }

    // MARK: - Rows

    private func finishCell() {
        guard cellColumn <= ColumnName.maximumIndex else { return }
        let (value, problem) = formatter.format(type: cellType, style: cellStyle, text: text, column: cellColumn)
        if let problem { problems.append(problem) }
        guard !value.isEmpty else { return }
        if cells.count <= cellColumn {
            cells.append(contentsOf: repeatElement("", count: cellColumn + 1 - cells.count))
        }
        cells[cellColumn] = value
    }

    private func finishRow(_ parser: XMLParser) {
        guard !cells.isEmpty || !problems.isEmpty else { return }
        batch.append(SpreadsheetRow(number: rowNumber, cells: cells, problems: problems))
        if batch.count >= Self.batchSize {
            if !channel.send(batch) {
                cancelled = true
                parser.abortParsing()
            }
            batch.removeAll(keepingCapacity: true)
        }
    }
}
