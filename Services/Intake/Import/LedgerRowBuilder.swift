/// Applies a header to a spreadsheet row: picks each mapped cell, normalises it, and gathers the
/// problems. Pure; `ImportSource` uses it for every row.
public struct LedgerRowBuilder: Sendable {
    /// The header the rows follow.
    public let header: LedgerHeader
    /// When true, cells in columns without a title are reported (they hold data nobody named).
    public var reportsCellsWithoutHeader = true

    /// Makes a builder for a header.
    public init(header: LedgerHeader) {
        self.header = header
    }

    /// The ledger row for a spreadsheet row, or nil when no mapped cell has anything in it (a blank
    /// row, or a template row with only its serial number filled in).
    public func build(_ row: SpreadsheetRow) -> LedgerRow? {
        var result = LedgerRow(
            rowNumber: row.number, values: Dictionary(minimumCapacity: header.columns.count),
            rawValues: Dictionary(minimumCapacity: header.columns.count))
        for (field, column) in header.columns {
            let text = row[column]
            let cleaned = TextFolding.cleaned(text)
            guard !cleaned.isEmpty else { continue }
            result.rawValues[field] = text
        }
        let cellProblemFields = Set(row.problems.compactMap { $0.column.flatMap(header.field(atColumn:)) })
        guard !result.rawValues.isEmpty || !cellProblemFields.isEmpty else { return nil }

        // Problems from reading: keep row-level ones and those in mapped columns.
        for problem in row.problems {
            guard let column = problem.column else {
                result.problems.append(problem)
                continue
            }
            if let field = header.field(atColumn: column) {
                var problem = problem
                problem.field = field
                result.problems.append(problem)
            }
        }

        for (field, text) in result.rawValues {
            // A cell the reader already reported (a number that lost digits, an error value) has
            // no value to normalise.
            guard !cellProblemFields.contains(field) else { continue }
            switch LedgerValueNormalizer.normalize(text, as: field) {
            case .value(let value):
                result.values[field] = value
            case .empty:
                continue
            case .problem(let code, let message):
                result.problems.append(
                    LedgerProblem(field: field, column: header.columns[field], code: code, message: message))
            }
        }
        completeBirthDateFromIDNumber(&result)

        for column in header.unknownColumns {
            let text = TextFolding.cleaned(row[column.index])
            guard !text.isEmpty else { continue }
            // Two columns may share an unknown title (two 备注 columns); the later one is keyed
            // with its column letters so that neither is lost.
            let key = result.extras[column.title] == nil ? column.title : "\(column.title) (\(column.letters))"
            result.extras[key] = text
        }
        if reportsCellsWithoutHeader {
            let width = header.width
            let alreadyRagged = result.problems.contains { $0.code == .raggedRow }
            for column in row.cells.indices where !header.hasTitle(at: column) {
                if column >= width && alreadyRagged { break }
                let text = TextFolding.cleaned(row.cells[column])
                guard !text.isEmpty else { continue }
                result.problems.append(
                    LedgerProblem(
                        column: column, code: .valueWithoutHeader,
                        message: "\(ColumnName.letters(for: column)) 列没有表头，其中的“\(text)”未导入。"))
            }
        }
        result.problems.sort { ($0.column ?? -1, $0.code.rawValue) < ($1.column ?? -1, $1.code.rawValue) }
        return result
    }

    /// A ledger titled 出生年月 holds a year and month; the ID number (GB 11643, characters 7–14)
    /// holds the full date. When both agree on year and month the ID's day is taken.
    private func completeBirthDateFromIDNumber(_ row: inout LedgerRow) {
        guard let raw = row.rawValues[.birthDate], row.values[.birthDate] == nil,
            case .yearMonth(let year, let month) = DateCellParser.parse(raw),
            let id = row.values[.idNumber]
        else { return }
        let digits = Array(id)
        guard case .date(let date) = DateCellParser.parse(String(digits[6..<14])),
            date.year == year, date.month == month
        else { return }
        row.values[.birthDate] = date.description
        row.problems.removeAll { $0.field == .birthDate && $0.code == .incompleteDate }
    }
}
