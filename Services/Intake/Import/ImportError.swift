/// Why a whole file cannot be imported. Problems confined to one row or cell are not errors; they
/// travel with the row as `LedgerProblem`s.
///
/// `code` is stable for the HTTP layer; `message` is written for the county, village or school
/// staff who made the file, in Chinese.
public enum ImportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be opened or read (the reason from the system).
    case cannotRead(String)
    /// The file has no rows at all.
    case emptyFile
    /// A format we do not read: legacy `.xls`, UTF-16 text. The associated text names it.
    case unsupportedFormat(String)
    /// The bytes are neither UTF-8 nor GB18030; each offset is the first byte (from 0) that the
    /// encoding could not decode.
    case undecodableText(utf8Offset: Int, gb18030Offset: Int)
    /// A file decoded as `encoding` until the byte at `byteOffset` (from 0), which is invalid or
    /// starts a character cut off by the end of the file.
    case invalidText(encoding: LedgerTextEncoding, byteOffset: Int)
    /// The `.xlsx` is not a readable workbook (a missing part, bad XML, a damaged zip).
    case corruptWorkbook(String)
    /// Required columns are not in the header row. `headerRow` is the spreadsheet row taken as the
    /// header, `titles` its cells as written.
    case missingRequiredColumns(missing: [LedgerField], headerRow: Int, titles: [String])

    /// A stable machine-readable code.
    public var code: String {
        switch self {
        case .cannotRead: "cannot_read"
        case .emptyFile: "empty_file"
        case .unsupportedFormat: "unsupported_format"
        case .undecodableText: "undecodable_text"
        case .invalidText: "invalid_text"
        case .corruptWorkbook: "corrupt_workbook"
        case .missingRequiredColumns: "missing_required_columns"
        }
    }

    /// What went wrong, for the person who made the file.
    public var message: String {
        switch self {
        case .cannotRead(let reason):
            "无法读取文件：\(reason)"
        case .emptyFile:
            "文件是空的，没有任何行。"
        case .unsupportedFormat(let what):
            "不支持的文件格式（\(what)）。请在 Excel 或 WPS 中另存为 .xlsx 或 CSV。"
        case .undecodableText(let utf8Offset, let gbOffset):
            "文件既不是 UTF-8 编码（第 \(utf8Offset) 字节无效）也不是 GB18030 编码（第 \(gbOffset) 字节无效）。"
                + "请另存为 .xlsx 或“CSV UTF-8”。"
        case .invalidText(let encoding, let offset):
            "文件按 \(encoding == .gb18030 ? "GB18030" : "UTF-8") 编码读取，在第 \(offset) 字节处出现无效字符。"
        case .corruptWorkbook(let reason):
            "Excel 文件已损坏或不完整：\(reason)"
        case .missingRequiredColumns(let missing, let row, _):
            "第 \(row) 行表头缺少必需的列："
                + missing.map { "\($0.chineseTitle)（\($0.rawValue)）" }.joined(separator: "、")
        }
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}
