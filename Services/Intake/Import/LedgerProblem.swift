import ShouhuEvents

/// Something wrong with one row or one cell of a ledger file, reported instead of guessing. The
/// intake service decides what a problem means for the row (usually: not registered until fixed).
public struct LedgerProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Kinds of problem. The raw values are stable for the HTTP layer.
    public enum Code: String, Sendable, Hashable, Codable, CaseIterable {
        // MARK: - Reading the file
        /// A CSV row with a different number of cells from the header row.
        case raggedRow = "ragged_row"
        /// A CSV quoted field still open at the end of the file.
        case unterminatedQuote = "unterminated_quote"
        /// Text after a closing quote in a CSV field (`"abc"def`); the text was kept.
        case malformedQuote = "malformed_quote"
        /// A non-empty cell in a column with no header.
        case valueWithoutHeader = "value_without_header"
        /// An Excel error value (`#N/A`, `#REF!`) or a cell that points at nothing.
        case cellError = "cell_error"
        /// A long number (an ID or bank number) that the spreadsheet stored as a number, which keeps
        /// only 15 significant digits: the true digits are lost.
        case numberPrecisionLost = "number_precision_lost"
        /// A date cell whose serial number is not a day (before 1900, or Excel's 1900-02-29).
        case invalidDateSerial = "invalid_date_serial"

        // MARK: - Values
        /// A value not in the field's vocabulary (a gender, school stage, parent status, relation
        /// or family circumstance the ledger does not know).
        case unknownValue = "unknown_value"
        /// Text that is not a date, or a day that does not exist.
        case invalidDate = "invalid_date"
        /// A birth date with only a year and month (出生年月) and no ID number that gives the day.
        case incompleteDate = "incomplete_date"
        /// An ID number that is not 17 digits and a digit or X.
        case invalidIdNumber = "invalid_id_number"
        /// A phone number with characters other than digits, dashes and one leading `+`, or not 7 to
        /// 20 digits.
        case invalidPhone = "invalid_phone"
        /// A whole number (an age) that is not one.
        case invalidNumber = "invalid_number"
        /// A village code that is not all digits.
        case invalidVillageCode = "invalid_village_code"
    }

    /// The field at fault, when the problem is in a mapped column.
    public var field: LedgerField?
    /// The column (from 0) at fault, when one cell is.
    public var column: Int?
    /// What kind of problem.
    public var code: Code
    /// What is wrong, for the person who made the file (Chinese).
    public var message: String

    /// Makes a problem.
    public init(field: LedgerField? = nil, column: Int? = nil, code: Code, message: String) {
        self.field = field
        self.column = column
        self.code = code
        // Messages echo cells; an ID-like number in one is masked here, once for every path.
        self.message = SensitiveText.masked(message)
    }

    /// `field: code: message`.
    public var description: String {
        "\(field?.rawValue ?? column.map(ColumnName.letters(for:)) ?? "row"): \(code.rawValue): \(message)"
    }
}
