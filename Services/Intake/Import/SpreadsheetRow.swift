/// One row of a sheet or CSV file as cells of text, before any header is applied.
public struct SpreadsheetRow: Sendable, Hashable {
    /// The row number the user sees in their spreadsheet program (1 for the first row). For CSV it
    /// counts records, so a quoted field spanning several lines is still one row.
    public var number: Int
    /// Cell texts from column A on; a missing cell is `""`.
    public var cells: [String]
    /// Problems found while reading the row (a ragged CSV row, a cell Excel cannot represent);
    /// `column` is set when one cell is at fault.
    public var problems: [LedgerProblem]

    /// Makes a row.
    public init(number: Int, cells: [String], problems: [LedgerProblem] = []) {
        self.number = number
        self.cells = cells
        self.problems = problems
    }

    /// True when every cell is empty or whitespace.
    public var isBlank: Bool {
        cells.allSatisfy { $0.allSatisfy { $0.isWhitespace } }
    }

    /// The cell in a column (from 0), or `""` past the end of the row.
    public subscript(column: Int) -> String {
        column < cells.count ? cells[column] : ""
    }
}
