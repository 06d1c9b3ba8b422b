import Foundation
import ShouhuEvents
import Testing

@testable import IntakeImport

@Suite("xlsx reader")
struct XLSXReaderTests {
    private func rows(_ name: String) throws -> [SpreadsheetRow] {
        let reader = try XLSXReader(url: TestSupport.fixture(name))
        var rows: [SpreadsheetRow] = []
        while let row = try reader.nextRow() { rows.append(row) }
        return rows
    }

    @Test func libreOfficeWorkbookWithSharedStringsRichTextAndDates() throws {
        let reader = try XLSXReader(url: TestSupport.fixture("ledger-chinese-libreoffice.xlsx"))
        #expect(reader.sheetName == "留守儿童台账")
        let rows = Array(reader)
        #expect(reader.failure == nil)
        // Row 6 is empty and absent; the rest keep their spreadsheet numbers.
        #expect(rows.map(\.number) == [1, 2, 3, 4, 5, 7])
        // A title whose shared string is three rich-text runs.
        #expect(rows[0].cells == ["青龙村留守儿童信息台账（2024年秋季学期）"])
        #expect(rows[1].cells[8] == "村(居)委会代码")
        #expect(rows[1].cells[10] == "父亲\n外出时间")
        let wang = rows[2]
        #expect(wang.cells[0] == "1")
        #expect(wang.cells[1] == "王小明")
        #expect(wang.cells[3] == "2012-03-05")  // a date cell, yyyy"年"m"月"d"日"
        #expect(wang.cells[4] == "520121201203051239")  // ID stored as text
        #expect(wang.cells[9] == "青龙村二组")  // a formula's cached string (t="str")
        #expect(wang.cells[10] == "2019-03-01")  // yyyy-mm-dd
        #expect(rows[3].cells[1] == "李思雨")  // rich text: bold surname + plain given name
        #expect(rows[3].cells[14] == "13700137001")  // a phone stored as a number
        let liu = rows[4]
        #expect(liu.cells[1] == "刘䶮")
        #expect(liu.cells[9] == "")  // missing cell
        #expect(liu.problems.map(\.code) == [.numberPrecisionLost])
        #expect(liu.problems.first?.column == 4)
        #expect(liu.cells[4] == "5.20121201007013E+017")
        #expect(rows[5].cells[3] == "2012年8月9日")  // a date typed as text stays text here
    }

    @Test func openpyxlWorkbookWithInlineStringsAndSparseRows() throws {
        let rows = try rows("ledger-english-openpyxl.xlsx")
        #expect(rows.map(\.number) == [1, 2, 4, 6, 7])
        #expect(rows[0].cells.prefix(4) == ["No.", "Name", "Sex", "Date of Birth"])
        #expect(rows[1].cells[1] == "Li Na")  // inline rich text: two runs
        #expect(rows[1].cells[3] == "2013-04-09")  // built-in format 14
        #expect(rows[1].cells[9] == "2019-03-01")  // custom yyyy-mm-dd
        #expect(rows[1].cells[13] == "66")
        let sparse = rows[2]
        #expect(sparse.cells.count == 15)
        #expect(sparse.cells[4] == "" && sparse.cells[5] == "" && sparse.cells[6] == "")
        #expect(sparse.cells[7] == "520121100201")
        #expect(sparse.cells[14] == "TRUE")
        #expect(rows[3].cells == ["3"])
    }

    @Test func libreOfficeConversionOfACSV() throws {
        let rows = try rows("ledger-from-csv-libreoffice.xlsx")
        #expect(rows.count == 4)
        #expect(rows[1].cells[3] == "2012-03-05")
        #expect(rows[1].cells[4] == "520121201203051239")
        #expect(rows[1].cells[13] == "2019-03-01")
        #expect(rows[1].cells[22] == "67")
        #expect(rows[3].cells[1] == "刘䶮")
    }

    @Test func workbookFromMemoryReadsTheSame() throws {
        let reader = try XLSXReader(data: try TestSupport.data("ledger-english-openpyxl.xlsx"))
        #expect(Array(reader).count == 5)
    }

    @Test func abandoningAReaderEarlyStopsItsThread() throws {
        for _ in 0..<20 {
            let reader = try XLSXReader(url: TestSupport.fixture("ledger-chinese-libreoffice.xlsx"))
            _ = try reader.nextRow()
        }
    }

    @Test func notAZipIsACorruptWorkbook() throws {
        let url = try TestSupport.temporaryFile(Data("PK\u{3}\u{4}garbage".utf8), suffix: ".xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect {
            _ = try XLSXReader(url: url)
        } throws: { error in
            (error as? ImportError)?.code == "corrupt_workbook"
        }
    }

    // MARK: - Cells

    @Test func cellReferences() {
        #expect(ColumnName.parse(reference: "A1")! == (0, 1))
        #expect(ColumnName.parse(reference: "C7")! == (2, 7))
        #expect(ColumnName.parse(reference: "AA10")! == (26, 10))
        #expect(ColumnName.parse(reference: "$XFD$1048576")! == (16_383, 1_048_576))
        #expect(ColumnName.parse(reference: "7C") == nil)
        #expect(ColumnName.letters(for: 0) == "A")
        #expect(ColumnName.letters(for: 27) == "AB")
        #expect(ColumnName.letters(for: 16_383) == "XFD")
    }

    @Test func serialDatesIn1900SystemWithTheLeapYearBug() {
        func date(_ serial: Double) -> String? { ExcelSerialDate.date(fromSerial: serial)?.description }
        #expect(date(1) == "1900-01-01")
        #expect(date(59) == "1900-02-28")
        #expect(date(60) == nil)  // Excel's 1900-02-29 never existed
        #expect(date(61) == "1900-03-01")
        #expect(date(40973) == "2012-03-05")
        #expect(date(40973.75) == "2012-03-05")
        #expect(date(0) == nil)
        #expect(date(2_958_465) == "9999-12-31")
        #expect(ExcelSerialDate.date(fromSerial: 0, uses1904System: true)?.description == "1904-01-01")
        #expect(ExcelSerialDate.date(fromSerial: 39_511, uses1904System: true)?.description == "2012-03-05")
        #expect(ExcelSerialDate.serial(for: CalendarDate("2012-03-05")!) == 40973)
        #expect(ExcelSerialDate.serial(for: CalendarDate("1900-02-28")!) == 59)
    }

    @Test func dateFormatsAreRecognised() {
        #expect(XLSXNumberFormat.isDate(id: 14, code: nil))
        #expect(XLSXNumberFormat.isDate(id: 31, code: nil))  // Chinese Excel's yyyy"年"m"月"d"日"
        #expect(!XLSXNumberFormat.isDate(id: 0, code: nil))
        #expect(!XLSXNumberFormat.isDate(id: 49, code: nil))  // @, text
        #expect(XLSXNumberFormat.isDateCode("yyyy\\年m\\月d\\日"))
        #expect(XLSXNumberFormat.isDateCode("[$-804]yyyy\"年\"m\"月\"d\"日\";@"))
        #expect(XLSXNumberFormat.isDateCode("mmm-yy"))
        #expect(!XLSXNumberFormat.isDateCode("General"))
        #expect(!XLSXNumberFormat.isDateCode("0.00_);[Red](0.00)"))
        #expect(!XLSXNumberFormat.isDateCode("[h]:mm:ss"))
        #expect(!XLSXNumberFormat.isDateCode("0\"天\""))
        #expect(!XLSXNumberFormat.isDateCode("#,##0\" 元\""))
    }

    @Test func numbersReadAsASpreadsheetShowsThem() {
        #expect(XLSXCellFormatter.display(3) == "3")
        #expect(XLSXCellFormatter.display(13_700_137_001) == "13700137001")
        #expect(XLSXCellFormatter.display(3.5) == "3.5")
        #expect(XLSXCellFormatter.display(0.1 + 0.2) == "0.3")
        #expect(XLSXCellFormatter.display(-0.0) == "0")
        let formatter = XLSXCellFormatter(sharedStrings: XLSXSharedStrings(), styles: XLSXStyles(), uses1904DateSystem: false)
        let (text, problem) = formatter.format(type: "n", style: 0, text: "1.10101201203051E+17", column: 4)
        #expect(text == "1.10101201203051E+17")
        #expect(problem?.code == .numberPrecisionLost)
        #expect(formatter.format(type: "n", style: 0, text: "999999999999999", column: 0).0 == "999999999999999")
        #expect(formatter.format(type: "e", style: 0, text: "#N/A", column: 0).1?.code == .cellError)
        #expect(formatter.format(type: "s", style: 0, text: "7", column: 0).1?.code == .cellError)
        #expect(formatter.format(type: "b", style: 0, text: "0", column: 0).0 == "FALSE")
        #expect(formatter.format(type: "inlineStr", style: 0, text: "a_x000D_b", column: 0).0 == "a\rb")
        #expect(formatter.format(type: "d", style: 0, text: "2012-03-05T00:00:00", column: 0).0 == "2012-03-05")
    }

    @Test func ooxmlEscapes() {
        #expect(XMLPart.unescape("plain") == "plain")
        #expect(XMLPart.unescape("line_x000D__x000A_next") == "line\r\nnext")
        #expect(XMLPart.unescape("_x005F_x0041_") == "_x0041_")
        #expect(XMLPart.unescape("_xZZZZ_") == "_xZZZZ_")
    }

    @Test func relationshipTargetsResolve() {
        #expect(XLSXRelationships.resolve("worksheets/sheet1.xml", in: "xl") == "xl/worksheets/sheet1.xml")
        #expect(XLSXRelationships.resolve("/xl/worksheets/sheet1.xml", in: "xl") == "xl/worksheets/sheet1.xml")
        #expect(XLSXRelationships.resolve("../xl/styles.xml", in: "xl") == "xl/styles.xml")
        #expect(XLSXRelationships.relsPath(for: "xl/workbook.xml") == "xl/_rels/workbook.xml.rels")
        #expect(XLSXRelationships.relsPath(for: "") == "_rels/.rels")
    }
}
