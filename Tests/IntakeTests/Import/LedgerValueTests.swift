import ShouhuEvents
import Testing

@testable import IntakeImport

@Suite("Ledger values")
struct LedgerValueTests {
    private func value(_ text: String, _ field: LedgerField) -> String? {
        if case .value(let value) = LedgerValueNormalizer.normalize(text, as: field) { return value }
        return nil
    }

    private func problem(_ text: String, _ field: LedgerField) -> LedgerProblem.Code? {
        if case .problem(let code, _) = LedgerValueNormalizer.normalize(text, as: field) { return code }
        return nil
    }

    @Test func genders() {
        #expect(LedgerVocabulary.gender("男") == .male)
        #expect(LedgerVocabulary.gender("女") == .female)
        #expect(LedgerVocabulary.gender("Male") == .male)
        #expect(LedgerVocabulary.gender(" female ") == .female)
        #expect(LedgerVocabulary.gender("１") == .male)  // GB/T 2261.1 code, full-width
        #expect(LedgerVocabulary.gender("未知") == nil)
        #expect(value("女", .gender) == "female")
        #expect(problem("未知", .gender) == .unknownValue)
    }

    @Test(arguments: [
        ("学前", SchoolStage.preschool), ("幼儿园", .preschool), ("小学", .primary), ("初中", .juniorHigh),
        ("高中", .seniorHigh), ("中职", .vocational), ("职高", .vocational), ("大学", .university),
        ("大专", .university), ("未在学", .notInSchool), ("辍学", .notInSchool), ("Junior High", .juniorHigh),
        ("junior_high", .juniorHigh),
    ])
    func schoolStages(text: String, stage: SchoolStage) {
        #expect(LedgerVocabulary.schoolStage(text) == stage)
    }

    @Test(arguments: [
        ("外出务工", ParentStatus.workingAway), ("外出打工", .workingAway), ("在家", .atHome), ("务农", .atHome),
        ("去世", .deceased), ("已故", .deceased), ("残疾或重病", .disabledOrIll), ("残疾", .disabledOrIll),
        ("重病", .disabledOrIll), ("不详", .unknown), ("下落不明", .unknown), ("working away", .workingAway),
        ("Deceased", .deceased),
    ])
    func parentStatuses(text: String, status: ParentStatus) {
        #expect(LedgerVocabulary.parentStatus(text) == status)
    }

    @Test(arguments: [
        ("祖父母", GuardianRelation.grandparent), ("外祖父母", .grandparent), ("爷爷", .grandparent),
        ("奶奶", .grandparent), ("外公", .grandparent), ("外婆", .grandparent), ("其他亲属", .otherRelative),
        ("叔叔", .otherRelative), ("社区指定", .designated), ("无", GuardianRelation.none),
        ("母亲", .parent), ("Grandparent", .grandparent), ("aunt", .otherRelative),
    ])
    func guardianRelations(text: String, relation: GuardianRelation) {
        #expect(LedgerVocabulary.guardianRelation(text) == relation)
    }

    @Test func familyFlagsSplitOnEverySeparator() {
        #expect(value("单亲、低保", .familyFlags) == "single_parent,minimum_allowance")
        #expect(value("低保户,建档立卡；孤儿", .familyFlags) == "orphan,minimum_allowance,poverty_registered")
        #expect(value("父母残疾或重病", .familyFlags) == "parent_disabled_or_ill")
        #expect(value("minimum allowance; single parent", .familyFlags) == "single_parent,minimum_allowance")
        #expect(value("无", .familyFlags) == "")
        #expect(problem("低保、留守", .familyFlags) == .unknownValue)
    }

    @Test func dates() {
        for text in ["2012-03-05", "2012-3-5", "2012/3/5", "2012.3.5", "2012年3月5日", "2012年03月05号", "20120305",
            "２０１２－０３－０５", "2012-03-05 00:00:00", "2012/3/5 0:00"]
        {
            #expect(DateCellParser.parse(text) == .date(CalendarDate("2012-03-05")!), "\(text)")
        }
        #expect(DateCellParser.parse("2012年3月") == .yearMonth(year: 2012, month: 3))
        #expect(DateCellParser.parse("2012.03") == .yearMonth(year: 2012, month: 3))
        #expect(DateCellParser.parse("201203") == .yearMonth(year: 2012, month: 3))
        for bad in ["2012-02-30", "12/3/5", "5/3/2012", "2012-13-01", "二〇一二年", "1850-01-01", "2012-03-", "abc", ""] {
            #expect(DateCellParser.parse(bad) == .invalid, "\(bad)")
        }
        #expect(value("2012年3月5日", .birthDate) == "2012-03-05")
        #expect(problem("2012年3月", .birthDate) == .incompleteDate)
        #expect(problem("2012-02-30", .birthDate) == .invalidDate)
        #expect(value("2019年3月", .fatherSince) == "2019-03-31", "a month alone stands for its last day")
    }

    @Test func idNumbers() {
        #expect(value("520121201203051239", .idNumber) == "520121201203051239")
        #expect(value("52012120120305123x", .idNumber) == "52012120120305123X")
        #expect(value("'520121201203051239", .idNumber) == "520121201203051239")
        #expect(value("５２０１２１２０１２０３０５１２３９", .idNumber) == "520121201203051239")
        #expect(problem("1.10101E+17", .idNumber) == .numberPrecisionLost)
        #expect(problem("520121120305123", .idNumber) == .invalidIdNumber)  // old 15-digit number
        #expect(problem("52012120120305123", .idNumber) == .invalidIdNumber)
    }

    @Test func phonesAgesCodesAndNames() {
        #expect(value("138 0013 8000", .fatherPhone) == "13800138000")
        #expect(value("0851-86812345", .guardianPhone) == "0851-86812345")
        #expect(value("(0851)86812345", .guardianPhone) == "085186812345")
        #expect(value("+86 13800138000", .motherPhone) == "+8613800138000")
        #expect(value("13800138000.0", .motherPhone) == "13800138000")
        #expect(problem("138001380001、13900139000", .fatherPhone) == .invalidPhone)
        #expect(problem("12345", .fatherPhone) == .invalidPhone)
        #expect(value("67岁", .guardianAge) == "67")
        #expect(problem("很老", .guardianAge) == .invalidNumber)
        #expect(value("520121100201", .villageCode) == "520121100201")
        #expect(problem("青龙村", .villageCode) == .invalidVillageCode)
        #expect(value("张  三", .name) == "张三")
        #expect(value(" Li  Na ", .name) == "Li Na")
        #expect(value("阿依古丽·买买提", .name) == "阿依古丽·买买提")
    }

    @Test(arguments: [
        ("一年级", 1), ("3", 3), ("3年级", 3), ("小学三年级", 3), ("六年级", 6), ("三年级2班", 3), ("七年级", 7),
        ("初一", 7), ("初二", 8), ("初中三年级", 9), ("高一", 10), ("高中二年级", 11), ("高三", 12), ("职高一年级", 10),
        ("中职二年级", 11), ("十二年级", 12), ("Grade 4", 4), ("４年级", 4),
    ])
    func grades(text: String, year: Int) {
        #expect(SchoolGradeParser.parse(text) == .year(year))
        #expect(value(text, .grade) == String(year))
    }

    @Test func gradesWithoutASchoolYear() {
        for text in ["大班", "中班", "学前班", "大二", "研一", "幼儿园大班", "小学前班", "Ｋ大班", "托班(2)"] {
            #expect(SchoolGradeParser.parse(text) == .noSchoolYear, "\(text)")
            #expect(LedgerValueNormalizer.normalize(text, as: .grade) == .empty)
        }
        for text in ["初四", "高", "十三年级", "好"] {
            #expect(SchoolGradeParser.parse(text) == .invalid, "\(text)")
        }
        #expect(problem("好", .grade) == .unknownValue)
    }

    @Test func placeholdersMeanEmpty() {
        for placeholder in ["/", "—", "——", "-", "N/A", "　"] {
            #expect(LedgerValueNormalizer.normalize(placeholder, as: .fatherPlace) == .empty, "\(placeholder)")
        }
    }

    @Test func birthDateWithOnlyYearAndMonthTakesTheDayFromTheIDNumber() {
        let header = LedgerHeader(titles: ["姓名", "性别", "出生年月", "身份证号", "村代码"])
        let builder = LedgerRowBuilder(header: header)
        let agreeing = builder.build(
            SpreadsheetRow(number: 2, cells: ["王小明", "男", "2012.03", "520121201203051239", "520121100201"]))
        #expect(agreeing?.values[.birthDate] == "2012-03-05")
        #expect(agreeing?.problems.isEmpty == true)
        let disagreeing = builder.build(
            SpreadsheetRow(number: 3, cells: ["王小明", "男", "2012.04", "520121201203051239", "520121100201"]))
        #expect(disagreeing?.values[.birthDate] == nil)
        #expect(disagreeing?.problems.map(\.code) == [.incompleteDate])
        #expect(disagreeing?.rawValues[.birthDate] == "2012.04")
    }
}
