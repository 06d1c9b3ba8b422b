import Foundation

/// A small RFC 4180 reader for the operator files the registry imports: comma-separated,
/// fields optionally in double quotes with `""` for a quote inside, LF or CRLF line ends,
/// UTF-8 with or without a byte-order mark (Excel's "CSV UTF-8" writes one).
enum CSVReader {
    /// One record and the line of the file it starts on (1-based), for messages.
    struct Record: Equatable {
        let line: Int
        let fields: [String]

        /// Whether the record is an empty line (or only whitespace).
        var isBlank: Bool {
            fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
        }
    }

    /// Why a file could not be read at all.
    enum Failure: Error, Equatable {
        /// The bytes are not UTF-8 (a file saved as GBK by an older Excel, most often).
        case notUTF8
        /// A quoted field is not closed before the end of the file.
        case unterminatedQuote(line: Int)
    }

    /// Decodes UTF-8 bytes, dropping a byte-order mark.
    static func text(from data: Data) throws(Failure) -> String {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(bytes: bytes, encoding: .utf8) else { throw .notUTF8 }
        return text
    }

    /// Splits text into records. A byte-order mark at the start is dropped.
    static func records(in text: String) throws(Failure) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteOpenedOn = 1
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var iterator = scalars.makeIterator()
        var pending: Unicode.Scalar? = iterator.next()

        func endRecord() {
            fields.append(field)
            records.append(Record(line: recordLine, fields: fields))
            fields = []
            field = ""
        }

        while let scalar = pending {
            pending = iterator.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = iterator.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty:
                inQuotes = true
                quoteOpenedOn = line
            case ",":
                fields.append(field)
                field = ""
            case "\r":
                if pending == "\n" { pending = iterator.next() }
                endRecord()
                line += 1
                recordLine = line
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes { throw .unterminatedQuote(line: quoteOpenedOn) }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
