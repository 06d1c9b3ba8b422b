import Testing

@testable import IntakeImport

@Suite("Ledger header")
struct LedgerHeaderTests {
    @Test(arguments: [
        ("姓名", LedgerField.name), ("儿童姓名", .name), ("性别", .gender), ("出生日期", .birthDate),
        ("出生年月", .birthDate), ("出生日期（年月日）", .birthDate), ("身份证号", .idNumber),
        ("身份证号码", .idNumber), ("公民身份号码", .idNumber), ("学段", .schoolStage), ("学校", .schoolId),
        ("学校代码", .schoolId), ("年级", .grade), ("班级", .className), ("村代码", .villageCode),
        ("村(居)委会代码", .villageCode), ("村（居）委会代码", .villageCode), ("行政区划代码", .villageCode),
        ("家庭住址", .address), ("父亲状况", .fatherStatus), ("父亲务工地点", .fatherPlace),
        ("父亲外出时间", .fatherSince), ("父亲电话", .fatherPhone), ("母亲状况", .motherStatus),
        ("母亲务工地点", .motherPlace), ("母亲外出时间", .motherSince), ("母亲联系电话", .motherPhone),
        ("监护人姓名", .guardianName), ("监护人", .guardianName), ("监护人关系", .guardianRelation),
        ("与儿童关系", .guardianRelation), ("监护人电话", .guardianPhone), ("监护人年龄", .guardianAge),
        ("监护人健康状况", .guardianHealth), ("家庭情况", .familyFlags), ("健康状况", .health),
        ("学习状况", .studyStatus), ("特殊需求", .specialNeeds),
    ])
    func chineseTitles(title: String, field: LedgerField) {
        #expect(LedgerHeader.field(forTitle: title) == field)
    }

    @Test(arguments: [
        ("Name", LedgerField.name), ("Gender", .gender), ("Sex", .gender), ("Date of Birth", .birthDate),
        ("DOB", .birthDate), ("ID Number", .idNumber), ("School stage", .schoolStage), ("School ID", .schoolId),
        ("Grade", .grade), ("Class", .className), ("Village code", .villageCode), ("Address", .address),
        ("Father status", .fatherStatus), ("Father's status", .fatherStatus), ("father_place", .fatherPlace),
        ("Father away since", .fatherSince), ("Father phone", .fatherPhone), ("Mother's phone", .motherPhone),
        ("Guardian name", .guardianName), ("Relationship to child", .guardianRelation),
        ("Guardian phone", .guardianPhone), ("Guardian age", .guardianAge), ("Guardian health", .guardianHealth),
        ("Family flags", .familyFlags), ("Health", .health), ("Study status", .studyStatus),
        ("birthDate", .birthDate), ("guardianRelation", .guardianRelation),
    ])
    func englishTitles(title: String, field: LedgerField) {
        #expect(LedgerHeader.field(forTitle: title) == field)
    }

    @Test func spacingFullWidthAndDecorationsAreIgnored() {
        #expect(LedgerHeader.field(forTitle: " 姓　名 ") == .name)  // ideographic space
        #expect(LedgerHeader.field(forTitle: "*姓名") == .name)
        #expect(LedgerHeader.field(forTitle: "姓名：") == .name)
        #expect(LedgerHeader.field(forTitle: "姓名【必填】") == .name)
        #expect(LedgerHeader.field(forTitle: "父亲\n外出时间") == .fatherSince)  // Alt+Enter in a cell
        #expect(LedgerHeader.field(forTitle: "ＩＤ　Ｎｕｍｂｅｒ") == .idNumber)  // full-width letters
        #expect(LedgerHeader.field(forTitle: "身份证号码(18位)") == .idNumber)
        #expect(LedgerHeader.field(forTitle: "GUARDIAN-PHONE") == .guardianPhone)
        #expect(LedgerHeader.field(forTitle: "序号") == nil)
        #expect(LedgerHeader.field(forTitle: "") == nil)
    }

    @Test func unknownAndDuplicateColumnsAreReported() {
        let header = LedgerHeader(titles: ["序号", "姓名", "性别", "", "备注", "儿童姓名", "出生日期", "村代码"], rowNumber: 2)
        #expect(header.columns[.name] == 1)
        #expect(header.columns[.birthDate] == 6)
        #expect(header.unknownColumns.map(\.title) == ["序号", "备注"])
        #expect(header.unknownColumns.map(\.letters) == ["A", "E"])
        #expect(header.duplicateColumns.map(\.index) == [5])
        #expect(header.duplicateColumns.first?.field == .name)
        #expect(header.missing(LedgerField.defaultRequired).isEmpty)
        #expect(header.width == 8)
    }

    @Test func missingRequiredColumnsAreListedInLedgerOrder() {
        let header = LedgerHeader(titles: ["姓名", "家庭住址"])
        #expect(header.missing(LedgerField.defaultRequired) == [.gender, .birthDate, .villageCode])
    }
}
