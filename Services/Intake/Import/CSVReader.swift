import Foundation

/// Reads a CSV file (RFC 4180) one row at a time, without holding the file's rows in memory.
///
/// Bytes are read in chunks (64 KiB by default), decoded to UTF-8 by encoding detection (UTF-8
/// with or without BOM, or GB18030; see `LedgerTextEncoding`) and parsed as they arrive. Quoted
/// fields may contain commas, doubled quotes and line breaks; rows end with CRLF, LF or CR; the last
/// row may or may not end with a line break. A quote left open at the end of the file, text after
/// a closing quote, and rows whose cell count differs from `expectedFieldCount` are reported as
/// problems on the row, not errors.
///
/// Iterate with `nextRow()`, which throws, or with `for row in reader`, which stops at the first
/// error and leaves it in `failure`: check it after the loop.
public final class CSVReader: Sequence, IteratorProtocol {
    /// The default chunk size, 64 KiB.
    public static let defaultChunkSize = 64 * 1024

    private static let quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    private enum FieldState {
        case start
        case unquoted
        case quoted
        /// A quote inside a quoted field: a doubled quote or the closing quote.
        case quoteInQuoted
    }

    private let readChunk: () throws -> Data?
    private let decoder = StreamingTextDecoder()
    private let delimiter: UInt8

    /// Decoded UTF-8 not yet parsed, from `position`.
    private var buffer: [UInt8] = []
    private var position = 0
    private var endOfInput = false

    private var state = FieldState.start
    private var inRecord = false
    private var skipLineFeed = false
    private var field: [UInt8] = []
    private var fields: [String] = []
    private var problems: [LedgerProblem] = []
    private var rowNumber = 0
    private var line = 1
    private var recordLine = 1
    private var quoteLine = 1

    /// The number of cells every row should have. Nil until set, or until the first row is read,
    /// whose count it then takes. A blank line is never reported.
    public var expectedFieldCount: Int?

    /// The first error that ended a `for`-`in` loop, if any.
    public private(set) var failure: ImportError?

    /// The encoding the file was found to be in, once known (after the first non-ASCII byte; at the
    /// end of an ASCII file).
    public var encoding: LedgerTextEncoding? { decoder.encoding }

    /// Reads from a closure that returns the next chunk of the file, or nil (or empty data) at its
    /// end.
    /// - Parameters:
    ///   - delimiter: the separator byte, a comma by default (a tab for tab-separated text).
    ///   - nextChunk: returns successive pieces of the file.
    public init(delimiter: UInt8 = UInt8(ascii: ","), nextChunk: @escaping () throws -> Data?) {
        self.delimiter = delimiter
        self.readChunk = nextChunk
        field.reserveCapacity(256)
    }

    /// Reads from an open file, `chunkSize` bytes at a time.
    public convenience init(
        fileHandle: FileHandle, chunkSize: Int = CSVReader.defaultChunkSize, delimiter: UInt8 = UInt8(ascii: ",")
    ) {
        let size = Swift.max(1, chunkSize)
        self.init(delimiter: delimiter) { try fileHandle.read(upToCount: size) }
    }

    /// Reads a file at a path.
    /// - Throws: `ImportError.cannotRead` when it cannot be opened.
    public convenience init(
        url: URL, chunkSize: Int = CSVReader.defaultChunkSize, delimiter: UInt8 = UInt8(ascii: ",")
    ) throws(ImportError) {
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw .cannotRead("\(url.lastPathComponent): \(error.localizedDescription)")
        }
        self.init(fileHandle: handle, chunkSize: chunkSize, delimiter: delimiter)
    }

    /// Reads bytes already in memory, `chunkSize` at a time (small sizes exercise chunk
    /// boundaries in tests).
    public convenience init(
        data: Data, chunkSize: Int = CSVReader.defaultChunkSize, delimiter: UInt8 = UInt8(ascii: ",")
    ) {
        let size = Swift.max(1, chunkSize)
        var offset = data.startIndex
        self.init(delimiter: delimiter) {
            guard offset < data.endIndex else { return nil }
            let end = Swift.min(offset + size, data.endIndex)
            defer { offset = end }
            return data.subdata(in: offset..<end)
        }
    }

    // MARK: - Reading

    /// The next row, or nil at the end of the file.
    /// - Throws: `ImportError` when the bytes cannot be decoded or the file cannot be read.
    public func nextRow() throws(ImportError) -> SpreadsheetRow? {
        while true {
            if position >= buffer.count {
                if endOfInput { return finishAtEndOfInput() }
                try refill()
                continue
            }
            if let row = scan() { return row }
        }
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

    private func refill() throws(ImportError) {
        buffer.removeAll(keepingCapacity: true)
        position = 0
        let chunk: Data?
        do {
            chunk = try readChunk()
        } catch {
            throw .cannotRead(error.localizedDescription)
        }
        if let chunk, !chunk.isEmpty {
            try decoder.decode(chunk, isFinal: false, into: &buffer)
        } else {
            endOfInput = true
            try decoder.decode(Data(), isFinal: true, into: &buffer)
        }
    }

    /// Parses from `position` until a row ends (returned) or the buffer runs out (nil).
    private func scan() -> SpreadsheetRow? {
        buffer.withUnsafeBufferPointer { bytes -> SpreadsheetRow? in
            let count = bytes.count
            var index = position
            defer { position = index }
            while index < count {
                let byte = bytes[index]
                if skipLineFeed {
                    skipLineFeed = false
                    if byte == Self.lf {
                        index += 1
                        continue
                    }
                }
                if !inRecord {
                    inRecord = true
                    recordLine = line
                }
                switch state {
                case .start:
                    if byte == Self.quote {
                        state = .quoted
                        quoteLine = line
                        index += 1
                    } else if byte == delimiter {
                        endField()
                        index += 1
                    } else if byte == Self.cr || byte == Self.lf {
                        index += 1
                        return endRecord(lineBreak: byte)
                    } else {
                        state = .unquoted
                    }
                case .unquoted:
                    var end = index
                    while end < count {
                        let c = bytes[end]
                        if c == delimiter || c == Self.cr || c == Self.lf { break }
                        end += 1
                    }
                    field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                    index = end
                    guard end < count else { break }
                    let c = bytes[end]
                    index += 1
                    if c != delimiter { return endRecord(lineBreak: c) }
                    endField()
                case .quoted:
                    var end = index
                    while end < count {
                        let c = bytes[end]
                        if c == Self.quote { break }
                        if c == Self.lf { line += 1 }
                        end += 1
                    }
                    field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                    index = end
                    if end < count {
                        state = .quoteInQuoted
                        index += 1
                    }
                case .quoteInQuoted:
                    if byte == Self.quote {
                        field.append(Self.quote)
                        state = .quoted
                        index += 1
                    } else if byte == delimiter {
                        endField()
                        index += 1
                    } else if byte == Self.cr || byte == Self.lf {
                        index += 1
                        return endRecord(lineBreak: byte)
                    } else {
                        problems.append(
                            LedgerProblem(
                                column: fields.count, code: .malformedQuote,
                                message: "第 \(ColumnName.letters(for: fields.count)) 列的引号后面还有文字（文件第 \(line) 行），已按原样保留。"))
                        state = .unquoted
                    }
                }
            }
            return nil
        }
    }

    private func endField() {
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        state = .start
    }

    /// Ends the field in progress and the row, at a line break (already consumed) or at the end
    /// of input when `lineBreak` is nil.
    private func endRecord(lineBreak: UInt8?) -> SpreadsheetRow {
        endField()
        if let lineBreak {
            line += 1
            skipLineFeed = lineBreak == Self.cr
        }
        rowNumber += 1
        var row = SpreadsheetRow(number: rowNumber, cells: fields, problems: problems)
        fields = []
        problems = []
        inRecord = false
        checkWidth(&row)
        return row
    }

    private func checkWidth(_ row: inout SpreadsheetRow) {
        let blank = row.cells.count == 1 && row.cells[0].isEmpty
        guard !blank else { return }
        guard let expected = expectedFieldCount else {
            expectedFieldCount = row.cells.count
            return
        }
        if row.cells.count != expected {
            row.problems.append(
                LedgerProblem(
                    code: .raggedRow,
                    message: "第 \(row.number) 行（文件第 \(recordLine) 行）有 \(row.cells.count) 个单元格，表头有 \(expected) 个。"))
        }
    }

    private func finishAtEndOfInput() -> SpreadsheetRow? {
        guard inRecord else { return nil }
        if state == .quoted {
            problems.append(
                LedgerProblem(
                    column: fields.count, code: .unterminatedQuote,
                    message: "第 \(ColumnName.letters(for: fields.count)) 列从文件第 \(quoteLine) 行开始的引号没有结束，"
                        + "直到文件末尾的内容都被读进了这一格。"))
        }
        return endRecord(lineBreak: nil)
    }
}
