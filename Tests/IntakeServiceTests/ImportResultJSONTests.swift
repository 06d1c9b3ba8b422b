import Foundation
import GRDB
@testable import Intake
import Testing

/// The import's answer writes its per-row results with its own JSON writer; they must be byte
/// for byte what `JSONEncoder` wrote before (sorted keys, slashes unescaped, absent fields left
/// out), since clients read that format.
@Suite("Import row results are what JSONEncoder writes")
struct ImportResultJSONTests {
    @Test func rowResultsMatchJSONEncoder() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let rows: [Row] = [
            ["rowNumber": 1, "outcome": "created", "childId": "0193a6b2-7c1d-7e4f-8a9b-0c1d2e3f4a5b"],
            ["rowNumber": 2, "outcome": "duplicate", "childId": "x/y", "code": "already_registered",
             "message": "This child is already in the ledger; nothing was created."],
            ["rowNumber": 30_000, "outcome": "rejected", "field": "parents[0].phone", "code": "invalid_phone",
             "message": #"电话“1380013\"8000”不是一个电话号码 \ a/b"# + "\ttab\n\u{1}\u{7F}\u{2028}😀"],
        ]
        var json = JSONBytes(escapesSlashes: false)
        var expected = Data()
        for (index, row) in rows.enumerated() {
            let result = ImportRoutes.RowResult(row: row)
            if index > 0 {
                json.separator()
                expected.append(UInt8(ascii: ","))
            }
            result.write(into: &json)
            expected.append(try encoder.encode(result))
        }
        #expect(String(decoding: json.bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }
}
