import Foundation

/// A ledger file, CSV or `.xlsx`, read lazily as `LedgerRow`s.
///
/// Opening sniffs the format (`PK\u{3}\u{4}` is a zip, so `.xlsx`; the old `.xls` format is
/// refused with a clear message; anything else is CSV), finds the header row — the first of the
/// top `ImportOptions.headerSearchRows` rows with at least `minimumRecognisedTitles` known
/// titles, so title lines above the header are skipped — and checks the required columns. Rows
/// are then read one at a time as they are asked for. Rows with nothing in any mapped column
/// (blank rows, template rows with only a serial number) are skipped; the others keep their
/// spreadsheet row numbers.
///
/// Use `nextRow()`, which throws, or `for row in source` and then check `failure`.
public final class ImportSource: Sequence, IteratorProtocol {
    /// The two kinds of file.
    public enum Format: String, Sendable, Hashable {
        case csv
        case xlsx
    }

    /// The kind of file.
    public let format: Format
    /// The header row and how its columns map.
    public let header: LedgerHeader
    /// The options the file is read with.
    public let options: ImportOptions
    /// The first error that ended a `for`-`in` loop, if any.
    public private(set) var failure: ImportError?

    /// For CSV, the text encoding once known (after the first non-ASCII byte).
    public var encoding: LedgerTextEncoding? { csvReader?.encoding }

    private let nextSpreadsheetRow: () throws(ImportError) -> SpreadsheetRow?
    private let csvReader: CSVReader?
    private let xlsxReader: XLSXReader?
    private let builder: LedgerRowBuilder
    /// Rows read while looking for the header that come after it.
    private var replay: [SpreadsheetRow]

    /// Opens a file.
    /// - Throws: `ImportError`: the file cannot be read, is not a format we read, is empty, or
    ///   lacks required columns.
    public convenience init(url: URL, options: ImportOptions = ImportOptions()) throws(ImportError) {
        let prefix: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            prefix = try handle.read(upToCount: 8) ?? Data()
        } catch {
            throw .cannotRead("\(url.lastPathComponent)：\(error.localizedDescription)")
        }
        switch try ImportSource.sniff(prefix) {
        case .xlsx:
            try self.init(xlsx: XLSXReader(url: url, maximumSheetBytes: options.maximumSheetBytes), options: options)
        case .csv:
            try self.init(
                csv: CSVReader(url: url, chunkSize: options.chunkSize, delimiter: options.csvDelimiter),
                options: options)
        }
    }

    /// Reads a file held in memory (an upload).
    public convenience init(data: Data, options: ImportOptions = ImportOptions()) throws(ImportError) {
        switch try ImportSource.sniff(data.prefix(8)) {
        case .xlsx:
            try self.init(xlsx: XLSXReader(data: data, maximumSheetBytes: options.maximumSheetBytes), options: options)
        case .csv:
            try self.init(
                csv: CSVReader(data: data, chunkSize: options.chunkSize, delimiter: options.csvDelimiter),
                options: options)
        }
    }

    /// Reads rows from a CSV reader.
    public convenience init(csv: CSVReader, options: ImportOptions = ImportOptions()) throws(ImportError) {
        try self.init(format: .csv, csv: csv, xlsx: nil, options: options) { () throws(ImportError) in
            try csv.nextRow()
        }
    }

    /// Reads rows from an `.xlsx` reader.
    public convenience init(xlsx: XLSXReader, options: ImportOptions = ImportOptions()) throws(ImportError) {
        try self.init(format: .xlsx, csv: nil, xlsx: xlsx, options: options) { () throws(ImportError) in
            try xlsx.nextRow()
        }
    }

    private init(
        format: Format, csv: CSVReader?, xlsx: XLSXReader?, options: ImportOptions,
        next: @escaping () throws(ImportError) -> SpreadsheetRow?
    ) throws(ImportError) {
        self.format = format
        self.options = options
        self.csvReader = csv
        self.xlsxReader = xlsx
        self.nextSpreadsheetRow = next

        var header: LedgerHeader?
        var firstRows: [SpreadsheetRow] = []
        var nonBlankSeen = 0
        while nonBlankSeen < Swift.max(1, options.headerSearchRows), let row = try next() {
            firstRows.append(row)
            guard !row.isBlank else { continue }
            nonBlankSeen += 1
            let candidate = LedgerHeader(titles: row.cells, rowNumber: row.number)
            if candidate.columns.count >= options.minimumRecognisedTitles {
                header = candidate
                break
            }
        }
        if header == nil, let first = firstRows.first(where: { !$0.isBlank }) {
            // No row looks like a header: report against the first row with anything in it.
            header = LedgerHeader(titles: first.cells, rowNumber: first.number)
        }
        guard let header else { throw .emptyFile }
        let missing = header.missing(options.requiredFields)
        guard missing.isEmpty else {
            throw .missingRequiredColumns(missing: missing, headerRow: header.rowNumber, titles: header.titles)
        }
        self.header = header
        self.replay = Array(firstRows.drop { $0.number <= header.rowNumber }.reversed())
        self.builder = LedgerRowBuilder(header: header)
        csv?.expectedFieldCount = header.titles.count
    }

    /// Tells a zip (`.xlsx`) from text (CSV) by the first bytes.
    /// - Throws: `ImportError.unsupportedFormat` for the legacy `.xls` format.
    public static func sniff(_ prefix: Data) throws(ImportError) -> Format {
        let bytes = [UInt8](prefix.prefix(8))
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .xlsx }
        if bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) { throw .corruptWorkbook("空的 zip 文件") }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw .unsupportedFormat("旧版 Excel 97-2003 .xls")
        }
        return .csv
    }

    /// The next child's row, or nil at the end of the file.
    /// - Throws: `ImportError` when the rest of the file cannot be read.
    public func nextRow() throws(ImportError) -> LedgerRow? {
        while let row = try nextCells() {
            if let ledgerRow = builder.build(row) { return ledgerRow }
        }
        return nil
    }

    /// The next row's cells as read, before `rowBuilder` makes a ledger row of them (or skips
    /// them, for a blank row), so that rows can be read in order on one task and built on
    /// several; nil at the end of the file.
    public func nextCells() throws(ImportError) -> SpreadsheetRow? {
        if let replayed = replay.popLast() { return replayed }
        return try nextSpreadsheetRow()
    }

    /// What `nextRow` builds each row with; a value, safe to use on any task.
    public var rowBuilder: LedgerRowBuilder { builder }

    /// The next child's row; on an error, nil with the error in `failure`.
    public func next() -> LedgerRow? {
        guard failure == nil else { return nil }
        do {
            return try nextRow()
        } catch {
            failure = error
            return nil
        }
    }
}
