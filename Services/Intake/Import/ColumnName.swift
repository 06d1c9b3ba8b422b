/// Spreadsheet column letters (A, B, …, Z, AA, …, XFD) and cell references like `C7`.
public enum ColumnName {
    /// The largest column index (from 0) a sheet can have: XFD.
    public static let maximumIndex = 16_383

    /// The letters for a column index from 0: 0 → `A`, 26 → `AA`.
    public static func letters(for index: Int) -> String {
        var number = index + 1
        var scalars: [Unicode.Scalar] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            scalars.append(Unicode.Scalar(UInt8(65 + remainder)))
            number = (number - 1) / 26
        }
        return String(String.UnicodeScalarView(scalars.reversed()))
    }

    /// Splits a cell reference into a column index (from 0) and a row number (from 1): `C7` →
    /// (2, 7), `$AB$12` → (27, 12). A reference without a row gives only the column; nil when the
    /// text is not a reference.
    public static func parse(reference: String) -> (column: Int, row: Int?)? {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "$"):
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard digits == 0 else { return nil }
                column = column * 26 + Int((byte & 0xDF) - 64)
                letters += 1
                guard letters <= 3 else { return nil }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard letters > 0 else { return nil }
                row = row * 10 + Int(byte - 48)
                digits += 1
                guard digits <= 7 else { return nil }
            default:
                return nil
            }
        }
        guard letters > 0, column - 1 <= maximumIndex else { return nil }
        return (column - 1, digits > 0 ? row : nil)
    }
}
