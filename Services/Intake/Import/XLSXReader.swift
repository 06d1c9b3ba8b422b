import Foundation
import ZIPFoundation

/// Reads the first sheet of an `.xlsx` workbook one row at a time.
///
/// The package is opened with ZIPFoundation; `_rels/.rels`, `xl/workbook.xml` and its
/// relationships say which part is the first sheet (the first tab, hidden or not), and the shared
/// strings and styles are read with SAX parsers. The sheet itself is unpacked to a temporary file
/// and parsed by `XMLParser` on a thread of its own, which hands rows over in small batches and
/// waits while they are unread, so a sheet of any length reads in flat memory. The thread ends
/// at the end of the sheet, or soon after the reader is released.
///
/// Cells read as the user sees them: shared and inline strings (rich-text runs joined), numbers
/// without a trailing `.0`, booleans as `TRUE`/`FALSE`, and numbers in date-formatted cells as
/// `YYYY-MM-DD`. A number too long for a spreadsheet to keep exactly (an ID number typed into a
/// General cell) and error values are problems on the row.
public final class XLSXReader: Sequence, IteratorProtocol {
    /// The name of the sheet being read.
    public let sheetName: String

    /// The first error that ended a `for`-`in` loop, if any.
    public private(set) var failure: ImportError?

    private let channel: SheetRowChannel
    private var batch: [SpreadsheetRow] = []
    private var batchIndex = 0
    private var finished = false

    /// Opens a workbook file.
    /// - Parameters:
    ///   - url: the `.xlsx` file.
    ///   - maximumSheetBytes: the largest uncompressed sheet accepted.
    /// - Throws: `ImportError.cannotRead` or `.corruptWorkbook`.
    public convenience init(url: URL, maximumSheetBytes: Int = ImportOptions().maximumSheetBytes) throws(ImportError) {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw .corruptWorkbook("不是有效的 .xlsx（zip）文件：\(error)")
        }
        try self.init(archive: archive, maximumSheetBytes: maximumSheetBytes)
    }

    /// Opens a workbook held in memory (an upload).
    public convenience init(data: Data, maximumSheetBytes: Int = ImportOptions().maximumSheetBytes) throws(ImportError) {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw .corruptWorkbook("不是有效的 .xlsx（zip）文件：\(error)")
        }
        try self.init(archive: archive, maximumSheetBytes: maximumSheetBytes)
    }

    private init(archive: Archive, maximumSheetBytes: Int) throws(ImportError) {
        let package = XLSXPackage(archive: archive)
        let workbookPath =
            try package.optionalPart("_rels/.rels")
            .map { (data) throws(ImportError) in try XLSXRelationships(data: data, sourcePart: "") }?
            .first(ofType: "officeDocument")?.path ?? "xl/workbook.xml"
        let workbook = try XLSXWorkbook(data: try package.part(workbookPath), name: workbookPath)
        guard let first = workbook.sheets.first else {
            throw .corruptWorkbook("工作簿里没有工作表")
        }
        let relationships = try XLSXRelationships(
            data: try package.part(XLSXRelationships.relsPath(for: workbookPath)), sourcePart: workbookPath)
        guard let sheetPath = relationships.byID[first.relationshipID]?.path else {
            throw .corruptWorkbook("找不到工作表“\(first.name)”的内容")
        }
        let sharedStringsPath = relationships.first(ofType: "sharedStrings")?.path
        let sharedStrings =
            try sharedStringsPath.flatMap { (path) throws(ImportError) in try package.optionalPart(path) }
            .map { (data) throws(ImportError) in try XLSXSharedStrings(data: data, name: sharedStringsPath!) }
            ?? XLSXSharedStrings()
        let stylesPath = relationships.first(ofType: "styles")?.path
        let styles =
            try stylesPath.flatMap { (path) throws(ImportError) in try package.optionalPart(path) }
            .map { (data) throws(ImportError) in try XLSXStyles(data: data, name: stylesPath!) }
            ?? XLSXStyles()

        let sheetFile = FileManager.default.temporaryDirectory
            .appending(path: "shouhu-import-\(UUID().uuidString).xml")
        try package.unpack(sheetPath, to: sheetFile, limit: maximumSheetBytes)

        sheetName = first.name
        channel = SheetRowChannel()
        let formatter = XLSXCellFormatter(
            sharedStrings: sharedStrings, styles: styles, uses1904DateSystem: workbook.uses1904DateSystem)
        let channel = self.channel
        let name = first.name
        let thread = Thread {
            defer { try? FileManager.default.removeItem(at: sheetFile) }
            XLSXSheetParser(formatter: formatter, channel: channel).run(url: sheetFile, sheetName: name)
        }
        thread.name = "shouhu-xlsx-sheet"
        thread.start()
    }

    deinit {
        channel.cancel()
    }

    /// The next row that has a cell with something in it, or nil at the end of the sheet.
    /// - Throws: `ImportError.corruptWorkbook` when the sheet's XML breaks off.
    public func nextRow() throws(ImportError) -> SpreadsheetRow? {
        while batchIndex >= batch.count {
            guard !finished else { return nil }
            switch channel.receive() {
            case .success(let rows):
                batch = rows
                batchIndex = 0
            case .failure(let error):
                finished = true
                throw error
            case nil:
                finished = true
                return nil
            }
        }
        defer { batchIndex += 1 }
        return batch[batchIndex]
    }

    /// The next row; on an error, nil with the error in `failure`.
    public func next() -> SpreadsheetRow? {
        guard failure == nil else { return nil }
        do {
            return try nextRow()
        } catch {
            failure = error
            return nil
        }
    }
}
