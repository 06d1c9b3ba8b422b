import Foundation
import Testing

@testable import IntakeImport

@Suite("CSV reader")
struct CSVReaderTests {
    private func rows(_ text: String, chunkSize: Int = CSVReader.defaultChunkSize) throws -> [SpreadsheetRow] {
        let reader = CSVReader(data: Data(text.utf8), chunkSize: chunkSize)
        var rows: [SpreadsheetRow] = []
        while let row = try reader.nextRow() { rows.append(row) }
        return rows
    }

    @Test(arguments: [1, 2, 3, 8, 65_536])
    func quotedFieldsWithCommasQuotesAndNewlines(chunkSize: Int) throws {
        let text = "name,address,note\r\n王小明,\"二组,\"\"老屋\"\"\r\n靠近村小\",ok\r\n李思雨,五组,\"\"\r\n"
        let rows = try rows(text, chunkSize: chunkSize)
        #expect(rows.map(\.cells) == [
            ["name", "address", "note"],
            ["王小明", "二组,\"老屋\"\r\n靠近村小", "ok"],
            ["李思雨", "五组", ""],
        ])
        #expect(rows.map(\.number) == [1, 2, 3])
        #expect(rows.allSatisfy { $0.problems.isEmpty })
    }

    @Test func lineEndsLFCRLFAndCRAndNoTrailingNewline() throws {
        #expect(try rows("a,b\nc,d").map(\.cells) == [["a", "b"], ["c", "d"]])
        #expect(try rows("a,b\r\nc,d\r\n").map(\.cells) == [["a", "b"], ["c", "d"]])
        #expect(try rows("a,b\rc,d\r").map(\.cells) == [["a", "b"], ["c", "d"]])
        #expect(try rows("a,b\n\n").map(\.cells) == [["a", "b"], [""]])
        #expect(try rows("").isEmpty)
    }

    @Test func emptyCellsAndBlankLinesKeepNumbering() throws {
        let rows = try rows("a,b,c\n,,\n\nx,,z\n")
        #expect(rows.map(\.number) == [1, 2, 3, 4])
        #expect(rows[1].cells == ["", "", ""])
        #expect(rows[2].isBlank)
        #expect(rows[3].cells == ["x", "", "z"])
        #expect(rows.allSatisfy { $0.problems.isEmpty })
    }

    @Test func crlfSplitBetweenChunksIsOneLineBreak() throws {
        let rows = try rows("a\r\nb\r\nc", chunkSize: 2)
        #expect(rows.map(\.cells) == [["a"], ["b"], ["c"]])
    }

    @Test func malformedFixtureReportsEachRowWithItsNumber() throws {
        let reader = try CSVReader(url: TestSupport.fixture("ledger-malformed.csv"))
        let rows = Array(reader)
        #expect(reader.failure == nil)
        #expect(rows.count == 7)
        let codes = rows.map { $0.problems.map(\.code) }
        #expect(codes[0].isEmpty && codes[1].isEmpty && codes[5].isEmpty)
        #expect(codes[2] == [.raggedRow])  // 3 cells under a 5-cell header
        #expect(codes[3] == [.raggedRow])  // 6 cells
        #expect(codes[4] == [.malformedQuote])
        #expect(rows[4].cells[4] == "青龙村三组")
        #expect(codes[6] == [.unterminatedQuote])
        #expect(rows[6].number == 7)
        #expect(rows[6].cells[4] == "青龙村五组\n后面的内容都在引号里\n")
        #expect(rows[6].problems[0].message.contains("第 7 行"))
        #expect(rows[2].problems[0].message.contains("第 3 行"))
    }

    @Test func gb18030FixtureFromExcel() throws {
        let reader = try CSVReader(url: TestSupport.fixture("ledger-gb18030.csv"), chunkSize: 7)
        let rows = Array(reader)
        #expect(reader.failure == nil)
        #expect(reader.encoding == .gb18030)
        #expect(rows.count == 40)
        #expect(rows[0].cells[1] == "姓名")
        #expect(rows[3].cells[1] == "刘䶮")
        #expect(rows[4].cells[1] == "张𠀀")
        #expect(rows[2].cells[10] == "开阳县城关镇青龙村五组\r\n（原青龙小学旁）")
        #expect(rows.map(\.number) == Array(1...40))
        #expect(rows.allSatisfy { $0.problems.isEmpty && $0.cells.count == 28 })
    }

    @Test func utf8AndBOMFixturesReadTheSame() throws {
        let plain = try CSVReader(url: TestSupport.fixture("ledger-utf8.csv"))
        let bom = try CSVReader(url: TestSupport.fixture("ledger-utf8-bom-crlf.csv"))
        let plainRows = Array(plain)
        let bomRows = Array(bom)
        #expect(plain.encoding == .utf8)
        #expect(bom.encoding == .utf8WithBOM)
        #expect(plainRows.count == 4)
        #expect(bomRows.count == 4)
        #expect(bomRows[0].cells[0] == "序号")  // no BOM left on the first cell
        #expect(plainRows[1].cells[10] == "开阳县城关镇青龙村二组,\"老屋\"\n靠近村小")
        // The CRLF file's quoted line break is the LF the field held; cells otherwise agree.
        #expect(bomRows[1].cells[10] == "开阳县城关镇青龙村二组,\"老屋\"\n靠近村小")
        #expect(plainRows.map(\.cells) == bomRows.map(\.cells))
    }

    @Test(arguments: [4096, CSVReader.defaultChunkSize])
    func threeThousandRowGB18030LedgerReadsEveryRowInOrder(chunkSize: Int) throws {
        let data = TestSupport.gb18030(TestSupport.generatedLedger(rows: 3000))
        let url = try TestSupport.temporaryFile(data)
        defer { try? FileManager.default.removeItem(at: url) }
        let reader = try CSVReader(url: url, chunkSize: chunkSize)
        var count = 0
        var expectedNumber = 1
        for row in reader {
            #expect(row.number == expectedNumber)
            #expect(row.cells.count == 13)
            #expect(row.problems.isEmpty)
            if row.number > 1 {
                #expect(row.cells[0] == String(row.number - 1))
            }
            if row.number == 11 {
                #expect(row.cells[7] == "青龙村2组,\"老屋\"\r\n靠近村小")
            }
            expectedNumber += 1
            count += 1
        }
        #expect(reader.failure == nil)
        #expect(reader.encoding == .gb18030)
        #expect(count == 3001)
    }

    @Test func fiftyThousandRowsStreamToTheEnd() throws {
        // Speed belongs in the import benchmark, not in a timed test; this one checks that a
        // county-sized file streams through row by row with nothing lost.
        let text = TestSupport.generatedLedger(rows: 50_000)
        let url = try TestSupport.temporaryFile(Data(text.utf8))
        defer { try? FileManager.default.removeItem(at: url) }
        let reader = try CSVReader(url: url)
        var count = 0
        var last: SpreadsheetRow?
        while let row = try reader.nextRow() {
            count += 1
            last = row
        }
        #expect(count == 50_001)
        #expect(last?.number == 50_001)
        #expect(last?.cells.isEmpty == false)
    }

    @Test func readErrorsEndAForLoopWithFailure() {
        var bytes = Array(String(repeating: "王小明,男\n", count: 40).utf8)
        bytes += [0xFF, 0x0A]
        let reader = CSVReader(data: Data(bytes), chunkSize: 300)
        let rows = Array(reader)
        #expect(rows.count < 41)
        #expect(reader.failure == .invalidText(encoding: .utf8, byteOffset: 560))
    }
}
