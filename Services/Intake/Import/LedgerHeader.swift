/// How the columns of a ledger's header row map to `LedgerField`s.
///
/// Titles are matched in Chinese and English after folding full-width characters, case, spaces,
/// line breaks inside the cell and decorations (`*`, `：`, a bracketed remark like `（必填）`).
/// Columns whose title is not recognised are kept in `unknownColumns` (reported, not an error);
/// a second column for a field already mapped is in `duplicateColumns` and ignored.
public struct LedgerHeader: Sendable, Hashable {
    /// A column whose title maps to no field, or to a field an earlier column already took.
    public struct Column: Sendable, Hashable {
        /// Column index from 0 (A is 0).
        public var index: Int
        /// The title as written.
        public var title: String
        /// The field the title would map to (for duplicates), nil for unknown titles.
        public var field: LedgerField?

        /// The spreadsheet letters of the column (`C`).
        public var letters: String { ColumnName.letters(for: index) }
    }

    /// The spreadsheet row number of the header row.
    public let rowNumber: Int
    /// The header cells as written.
    public let titles: [String]
    /// Field → column index (from 0).
    public let columns: [LedgerField: Int]
    /// Titled columns that map to no field, left to right.
    public let unknownColumns: [Column]
    /// Columns that map to a field an earlier column already maps to; their cells are ignored.
    public let duplicateColumns: [Column]
    private let fieldsByColumn: [Int: LedgerField]
    /// Per column up to the last titled one, whether it has a title.
    private let isTitled: [Bool]

    /// Maps a header row.
    /// - Parameters:
    ///   - titles: the header cells.
    ///   - rowNumber: the header's row number in the spreadsheet.
    public init(titles: [String], rowNumber: Int = 1) {
        self.rowNumber = rowNumber
        self.titles = titles
        var columns: [LedgerField: Int] = [:]
        var unknown: [Column] = []
        var duplicates: [Column] = []
        for (index, title) in titles.enumerated() {
            guard !TextFolding.cleaned(title).isEmpty else { continue }
            guard let field = LedgerHeader.field(forTitle: title) else {
                unknown.append(Column(index: index, title: title, field: nil))
                continue
            }
            if columns[field] == nil {
                columns[field] = index
            } else {
                duplicates.append(Column(index: index, title: title, field: field))
            }
        }
        self.columns = columns
        self.fieldsByColumn = Dictionary(uniqueKeysWithValues: columns.map { ($1, $0) })
        var isTitled = titles.map { !TextFolding.cleaned($0).isEmpty }
        while isTitled.last == false { isTitled.removeLast() }
        self.isTitled = isTitled
        self.unknownColumns = unknown
        self.duplicateColumns = duplicates
    }

    /// The field a column title stands for, or nil when it is not a ledger column we know.
    public static func field(forTitle title: String) -> LedgerField? {
        let key = TextFolding.compactKey(title)
        guard !key.isEmpty else { return nil }
        if let field = LedgerHeaderAliases.table[key] { return field }
        let bare = TextFolding.compactKey(TextFolding.withoutParentheticals(title))
        guard !bare.isEmpty, bare != key else { return nil }
        return LedgerHeaderAliases.table[bare]
    }

    /// The column index of a field, if the header has it.
    public func column(of field: LedgerField) -> Int? {
        columns[field]
    }

    /// Fields in `required` that the header lacks, in ledger order.
    public func missing(_ required: some Sequence<LedgerField>) -> [LedgerField] {
        Set(required).subtracting(columns.keys).sorted()
    }

    /// The number of cells up to the last titled one: cells beyond it have no header.
    public var width: Int { isTitled.count }

    /// Whether the header cell in a column has a title.
    func hasTitle(at column: Int) -> Bool {
        column < isTitled.count && isTitled[column]
    }

    /// The field a column holds, if any.
    public func field(atColumn index: Int) -> LedgerField? {
        fieldsByColumn[index]
    }
}
