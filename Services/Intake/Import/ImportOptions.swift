/// Settings for reading a ledger file. The defaults suit a county; each is a county's to change.
public struct ImportOptions: Sendable, Hashable {
    /// Columns a file must have (default: name, gender, birth date, village code).
    public var requiredFields: Set<LedgerField>
    /// How many non-blank rows from the top are looked at for the header, so that title lines
    /// (`XX村留守儿童台账`, a date line) above it are skipped.
    public var headerSearchRows: Int
    /// How many recognised titles make a row the header row.
    public var minimumRecognisedTitles: Int
    /// Bytes read at a time from a CSV file.
    public var chunkSize: Int
    /// The CSV field separator.
    public var csvDelimiter: UInt8
    /// The largest uncompressed sheet an `.xlsx` may hold: a guard against zip bombs.
    public var maximumSheetBytes: Int

    /// Makes options; every argument has the county default.
    public init(
        requiredFields: Set<LedgerField> = Set(LedgerField.defaultRequired),
        headerSearchRows: Int = 10,
        minimumRecognisedTitles: Int = 3,
        chunkSize: Int = CSVReader.defaultChunkSize,
        csvDelimiter: UInt8 = UInt8(ascii: ","),
        maximumSheetBytes: Int = 512 * 1024 * 1024
    ) {
        self.requiredFields = requiredFields
        self.headerSearchRows = headerSearchRows
        self.minimumRecognisedTitles = minimumRecognisedTitles
        self.chunkSize = chunkSize
        self.csvDelimiter = csvDelimiter
        self.maximumSheetBytes = maximumSheetBytes
    }
}
