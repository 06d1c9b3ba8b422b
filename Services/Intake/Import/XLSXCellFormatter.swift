import Foundation

/// Turns one `<c>` element's type, style and text into the text a user sees in the cell, with a
/// problem when the cell cannot be represented faithfully.
struct XLSXCellFormatter: Sendable {
    let sharedStrings: XLSXSharedStrings
    let styles: XLSXStyles
    let uses1904DateSystem: Bool

    /// Numbers at or above this magnitude have more digits than a spreadsheet keeps (15
    /// significant digits), so the digits shown are not the digits typed: an 18-digit ID number
    /// typed into a General cell becomes 110101201203051000.
    static let largestExactNumber = 1e15

    /// The text and an optional problem for a cell.
    /// - Parameters:
    ///   - type: the `t` attribute (`n` when absent).
    ///   - style: the `s` attribute (0 when absent).
    ///   - text: the `<v>` text, or the joined `<t>` text of an inline string.
    ///   - column: the cell's column, for the problem.
    func format(type: String, style: Int, text: String, column: Int) -> (String, LedgerProblem?) {
        var letters: String { ColumnName.letters(for: column) }
        switch type {
        case "s":
            if text.isEmpty { return ("", nil) }
            guard let index = Int(text.trimmingCharacters(in: .whitespaces)), index >= 0,
                index < sharedStrings.strings.count
            else {
                return ("", LedgerProblem(column: column, code: .cellError, message: "\(letters) 列的单元格指向不存在的共享字符串 \(text)。"))
            }
            return (sharedStrings.strings[index], nil)
        case "inlineStr", "str":
            return (XMLPart.unescape(text), nil)
        case "b":
            return (text == "1" || text.lowercased() == "true" ? "TRUE" : "FALSE", nil)
        case "e":
            return ("", LedgerProblem(column: column, code: .cellError, message: "\(letters) 列的单元格是错误值 \(text)。"))
        case "d":
            if case .date(let date) = DateCellParser.parse(text) { return (date.description, nil) }
            return (text, nil)
        default:
            return number(text, style: style, column: column)
        }
    }

    private func number(_ text: String, style: Int, column: Int) -> (String, LedgerProblem?) {
        let trimmed = text.utf8.contains(UInt8(ascii: " ")) ? text.trimmingCharacters(in: .whitespaces) : text
        guard !trimmed.isEmpty else { return ("", nil) }
        guard let value = Double(trimmed), value.isFinite else { return (trimmed, nil) }
        var letters: String { ColumnName.letters(for: column) }
        if styles.isDate(style: style) {
            guard let date = ExcelSerialDate.date(fromSerial: value, uses1904System: uses1904DateSystem) else {
                return (
                    trimmed,
                    LedgerProblem(
                        column: column, code: .invalidDateSerial,
                        message: "\(letters) 列的日期单元格的值 \(trimmed) 不是有效日期。")
                )
            }
            return (date.description, nil)
        }
        if abs(value) >= Self.largestExactNumber {
            return (
                trimmed,
                LedgerProblem(
                    column: column, code: .numberPrecisionLost,
                    message: "\(letters) 列的 \(trimmed) 被存成了数字，表格只保留 15 位有效数字，后面的数字已经丢失"
                        + "（身份证号等长号码请把该列设为文本后重新填写）。")
            )
        }
        return (Self.display(value), nil)
    }

    /// How a number reads: whole numbers without `.0`, others with up to 15 significant digits
    /// (what a spreadsheet shows, so 0.1 + 0.2 reads 0.3).
    static func display(_ value: Double) -> String {
        if value == value.rounded() {
            return String(Int64(value))
        }
        var text = String(format: "%.15g", value)
        if text.contains("e") {
            return text.uppercased()
        }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
