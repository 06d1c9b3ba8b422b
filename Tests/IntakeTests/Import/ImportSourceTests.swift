import Foundation
import ShouhuEvents
import Testing

@testable import IntakeImport

@Suite("Import source")
struct ImportSourceTests {
    private func rows(_ source: ImportSource) throws -> [LedgerRow] {
        var rows: [LedgerRow] = []
        while let row = try source.nextRow() { rows.append(row) }
        return rows
    }

    @Test func sniffing() throws {
        #expect(try ImportSource.sniff(Data([0x50, 0x4B, 0x03, 0x04, 0, 0])) == .xlsx)
        #expect(try ImportSource.sniff(Data("姓名,性别".utf8)) == .csv)
        #expect(throws: ImportError.unsupportedFormat("旧版 Excel 97-2003 .xls")) {
            try ImportSource.sniff(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        }
    }

    @Test(arguments: ["ledger-utf8.csv", "ledger-utf8-bom-crlf.csv", "ledger-from-csv-libreoffice.xlsx"])
    func chineseLedgerInEveryForm(file: String) throws {
        let source = try ImportSource(url: TestSupport.fixture(file))
        #expect(source.format == (file.hasSuffix(".xlsx") ? .xlsx : .csv))
        #expect(source.header.rowNumber == 1)
        #expect(source.header.unknownColumns.map(\.title) == ["序号", "备注"])
        let rows = try rows(source)
        #expect(rows.map(\.rowNumber) == [2, 3, 4])

        let wang = rows[0]
        #expect(wang.problems.isEmpty, "\(wang.problems)")
        #expect(wang[.name] == "王小明")
        #expect(wang.gender == .male)
        #expect(wang.birthDate == CalendarDate("2012-03-05"))
        #expect(wang[.idNumber] == "520121201203051239")
        #expect(wang.schoolStage == .primary)
        #expect(wang[.schoolId] == "开阳县第一小学")
        #expect(wang.grade == 6)  // 六年级
        #expect(wang[.className] == "2班")
        #expect(wang[.villageCode] == "520121100201")
        #expect(wang[.address] == "开阳县城关镇青龙村二组,\"老屋\" 靠近村小" || file.hasSuffix(".xlsx"))
        #expect(wang.fatherStatus == .workingAway)
        #expect(wang[.fatherPlace] == "浙江宁波")
        #expect(wang.fatherSince == CalendarDate("2019-03-01"))
        #expect(wang[.fatherPhone] == "13800138000")
        #expect(wang.motherStatus == .workingAway)
        #expect(wang[.motherPhone] == "13900139000")
        #expect(wang[.guardianName] == "王德福")
        #expect(wang.guardianRelation == .grandparent)
        #expect(wang[.guardianPhone] == "13700137000")
        #expect(wang.guardianAge == 67)
        #expect(wang[.guardianHealth] == "一般")
        #expect(wang.familyFlags == [.minimumAllowance, .singleParent])
        #expect(wang[.health] == "健康")
        #expect(wang[.studyStatus] == "良好")
        #expect(wang.extras == ["序号": "1"])

        let li = rows[1]
        #expect(li.motherStatus == .deceased)
        #expect(li[.motherPlace] == nil)
        #expect(li.familyFlags == [.orphan, .povertyRegistered])
        #expect(li.extras["备注"] == "母亲 2018 年去世")
        let liu = rows[2]
        #expect(liu[.name] == "刘䶮")
        #expect(liu.grade == 8)  // 初二
        #expect(liu.familyFlags == [])
    }

    @Test func gb18030LedgerFromExcel() throws {
        let source = try ImportSource(url: TestSupport.fixture("ledger-gb18030.csv"))
        let rows = try rows(source)
        #expect(source.encoding == .gb18030)
        #expect(rows.count == 39)
        #expect(rows.map(\.rowNumber) == Array(2...40))
        #expect(rows[0].birthDate == CalendarDate("2012-03-05"))  // written 2012/3/5
        #expect(rows[1].birthDate == CalendarDate("2015-11-20"))  // written 2015年11月20日
        #expect(rows[1][.address] == "开阳县城关镇青龙村五组 (原青龙小学旁)")
        let zhang = rows[3]
        #expect(zhang.rowNumber == 5)
        #expect(zhang[.name] == "张𠀀")
        #expect(zhang.birthDate == CalendarDate("2013-09-08"))  // written 20130908
        #expect(zhang.schoolStage == .preschool)
        #expect(zhang.grade == nil)  // 大班: a kindergarten class has no school year
        #expect(zhang.rawValues[.grade] == "大班")
        #expect(zhang.fatherSince == CalendarDate("2021-05-31"))  // written 2021年5月
        #expect(zhang.motherStatus == .atHome)
        #expect(zhang[.idNumber] == nil)
        #expect(zhang.problems.map(\.code) == [.numberPrecisionLost])
        #expect(zhang.problems.first?.field == .idNumber)
        #expect(zhang.rawValues[.idNumber] == "1.10101E+17")
        #expect(rows[4].fatherSince == CalendarDate("2020-02-29"))
        #expect(rows.dropFirst(4).allSatisfy { $0.problems.isEmpty && $0.guardianRelation == .grandparent })
    }

    @Test func libreOfficeLedgerWithTitleRowDatesAndProblems() throws {
        let source = try ImportSource(url: TestSupport.fixture("ledger-chinese-libreoffice.xlsx"))
        #expect(source.format == .xlsx)
        #expect(source.header.rowNumber == 2)  // row 1 is the merged title
        #expect(source.header.columns[.villageCode] == 8)
        #expect(source.header.columns[.guardianPhone] == 14)
        let rows = try rows(source)
        #expect(rows.map(\.rowNumber) == [3, 4, 5, 7])
        let wang = rows[0]
        #expect(wang.problems.isEmpty)
        #expect(wang.birthDate == CalendarDate("2012-03-05"))
        #expect(wang[.address] == "青龙村二组")
        #expect(wang.fatherSince == CalendarDate("2019-03-01"))
        #expect(wang.guardianRelation == .grandparent)
        #expect(wang.familyFlags == [.singleParent, .minimumAllowance])
        #expect(rows[1][.name] == "李思雨")
        #expect(rows[1][.guardianPhone] == "13700137001")
        let liu = rows[2]
        #expect(liu[.idNumber] == nil)
        #expect(liu.problems.map(\.code) == [.numberPrecisionLost])
        #expect(liu.problems.first?.field == .idNumber)
        #expect(liu.rawValues[.idNumber] == "5.20121201007013E+017")
        #expect(liu.fatherStatus == .disabledOrIll)
        let chen = rows[3]
        #expect(chen.birthDate == CalendarDate("2012-08-09"))
        #expect(chen.fatherSince == CalendarDate("2021-05-31"))
        #expect(chen.guardianRelation == .otherRelative)
        #expect(chen.familyFlags == [])
    }

    @Test func englishLedgers() throws {
        let csv = try rows(ImportSource(url: TestSupport.fixture("ledger-english.csv")))
        #expect(csv.count == 2)
        #expect(csv[0].gender == .female)
        #expect(csv[0][.fatherPhone] == "13800138004")
        #expect(csv[0].familyFlags == [.minimumAllowance, .singleParent])
        #expect(csv[1].schoolStage == .juniorHigh)
        #expect(csv[1].fatherStatus == .deceased)
        #expect(csv[1].guardianRelation == .otherRelative)

        let source = try ImportSource(url: TestSupport.fixture("ledger-english-openpyxl.xlsx"))
        #expect(source.header.unknownColumns.map(\.title) == ["No.", "Notes"])
        let xlsx = try rows(source)
        // Row 6 holds only its serial number and is skipped.
        #expect(xlsx.map(\.rowNumber) == [2, 4, 7])
        #expect(xlsx[0][.name] == "Li Na")
        #expect(xlsx[0].birthDate == CalendarDate("2013-04-09"))
        #expect(xlsx[0].fatherSince == CalendarDate("2019-03-01"))
        #expect(xlsx[0].motherStatus == .atHome)
        #expect(xlsx[0].guardianAge == 66)
        #expect(xlsx[0].extras == ["No.": "1", "Notes": "rich text name"])
        #expect(xlsx[1].guardianRelation == GuardianRelation.none)
        #expect(xlsx[1].problems.map(\.code) == [.unknownValue])  // TRUE under Family flags
        #expect(xlsx[1].problems.first?.field == .familyFlags)
        #expect(xlsx[2].gender == .female)
        #expect(xlsx[2].birthDate == CalendarDate("2012-08-09"))
        #expect(xlsx[2][.idNumber] == "520121201208090464")
        #expect(xlsx[2].schoolStage == .preschool)
        #expect(xlsx[2].fatherStatus == .unknown)
        #expect(xlsx[2].guardianRelation == .otherRelative)
    }

    @Test func malformedRowsAreReportedWithTheirRowNumbers() throws {
        let source = try ImportSource(url: TestSupport.fixture("ledger-malformed.csv"))
        let rows = Array(source)
        #expect(source.failure == nil)
        #expect(rows.map(\.rowNumber) == [2, 3, 4, 5, 6, 7])
        let reported = rows.filter(\.hasProblems).map { "\($0.rowNumber):\($0.problems.map(\.code.rawValue))" }
        #expect(reported == [
            "3:[\"ragged_row\"]", "4:[\"ragged_row\"]", "5:[\"malformed_quote\"]", "7:[\"unterminated_quote\"]",
        ])
        #expect(rows[3].problems.first?.field == .address)
        #expect(rows[5].problems.first?.field == .address)
    }

    @Test func missingRequiredColumnsFailTheFile() throws {
        let data = Data("姓名,家庭住址\n王小明,青龙村\n".utf8)
        #expect(throws: ImportError.missingRequiredColumns(
            missing: [.gender, .birthDate, .villageCode], headerRow: 1, titles: ["姓名", "家庭住址"]))
        {
            try ImportSource(data: data)
        }
        // A county that requires less can import it.
        let lenient = try ImportSource(data: data, options: ImportOptions(requiredFields: [.name]))
        #expect(try rows(lenient).map { $0[.name] } == ["王小明"])
    }

    @Test func emptyFileIsAnError() {
        #expect(throws: ImportError.emptyFile) { try ImportSource(data: Data()) }
        #expect(throws: ImportError.emptyFile) { try ImportSource(data: Data("\n\n,,\n".utf8)) }
    }

    @Test func threeThousandRowsAreAllReadWithTheirNumbers() throws {
        let data = TestSupport.gb18030(TestSupport.generatedLedger(rows: 3000))
        let url = try TestSupport.temporaryFile(data)
        defer { try? FileManager.default.removeItem(at: url) }
        let source = try ImportSource(url: url)
        var count = 0
        for row in source {
            count += 1
            #expect(row.rowNumber == count + 1)
            #expect(row.extras["序号"] == String(count))
            #expect(row.problems.isEmpty)
            #expect(row[.idNumber]?.count == 18)
        }
        #expect(source.failure == nil)
        #expect(count == 3000)
    }

    @Test func titleLinesAboveTheHeaderAreSkipped() throws {
        let text = "青龙村留守儿童台账,,,,,\n填表日期：2024年9月1日,,,,,\n序号,姓名,性别,出生日期,村代码,备注\n"
            + "1,王小明,男,2012-03-05,520121100201,\n,,,,,\n2,李思雨,女,2015-11-20,520121100201,母亲去世\n"
        let source = try ImportSource(data: Data(text.utf8))
        #expect(source.header.rowNumber == 3)
        let rows = try rows(source)
        #expect(rows.map(\.rowNumber) == [4, 6])
        #expect(rows.map { $0[.name] } == ["王小明", "李思雨"])
        #expect(rows[1].extras == ["序号": "2", "备注": "母亲去世"])
    }

    @Test func repeatedUnknownTitlesKeepBothCells() throws {
        let text = "姓名,性别,出生日期,村代码,备注,备注\n王小明,男,2012-03-05,520121100201,一,二\n"
        let rows = try rows(ImportSource(data: Data(text.utf8)))
        #expect(rows.first?.extras == ["备注": "一", "备注 (F)": "二"])
    }

    @Test func uploadedWorkbookInMemory() throws {
        let source = try ImportSource(data: try TestSupport.data("ledger-chinese-libreoffice.xlsx"))
        #expect(source.format == .xlsx)
        #expect(try rows(source).count == 4)
    }

    @Test func asciiHeaderThenGB18030ValuesInTinyChunks() throws {
        var text = "name,gender,birth date,village code\r\n"
        for index in 0..<60 { text += "刘䶮\(index),男,2012-03-05,520121100201\r\n" }
        let source = try ImportSource(data: TestSupport.gb18030(text), options: ImportOptions(chunkSize: 3))
        let rows = try rows(source)
        #expect(source.encoding == .gb18030)
        #expect(rows.count == 60)
        #expect(rows.last?[.name] == "刘䶮59")
        #expect(rows.allSatisfy { $0.gender == .male && !$0.hasProblems })
    }

    @Test func cellsBeyondTheHeaderAreReported() throws {
        let data = Data("姓名,性别,出生日期,村代码,\n王小明,男,2012-03-05,520121100201,多余\n".utf8)
        let rows = try rows(ImportSource(data: data))
        #expect(rows.first?.problems.map(\.code) == [.valueWithoutHeader])
        #expect(rows.first?.problems.first?.column == 4)
    }
}
