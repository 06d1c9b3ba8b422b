import Foundation
import IntakeDomain
import ShouhuEvents
import Testing

@Suite("Child file validation (一人一档)")
struct ChildFileValidationTests {
    let today = Fixtures.today
    let registry = DivisionRegistry.xishui

    static let idNumber = Fixtures.idNumber(birth: "20150310", sequence: "123")  // 17th digit 3: male

    var good: ChildFileInput {
        ChildFileInput(
            name: " 王小明 ", gender: "male", birthDate: "2015-03-10", idNumber: Self.idNumber,
            schoolStage: "primary", schoolId: "xs-tucheng-primary", grade: 5, className: "2班",
            villageCode: "520330101201", address: "土城镇土城村三组",
            parents: [
                .init(
                    role: "mother", status: "working_away", place: "浙江省宁波市", since: "2025-03-01",
                    phone: "+86 139 0013 9000"),
                .init(
                    role: "father", status: "working_away", place: "广东省东莞市", since: "2024-02-15",
                    phone: "13800138000"),
            ],
            guardian: .init(
                relation: "grandparent", name: "王大爷", phone: "0851-22345678", age: 68, health: "高血压，能照顾日常生活"),
            familyFlags: ["minimum_allowance", "poverty_registered", "minimum_allowance"],
            healthStatus: "健康", specialNeeds: nil, studyStatus: "中等")
    }

    func problems(_ input: ChildFileInput, registry: DivisionRegistry? = nil) -> [FieldProblem] {
        ChildFileValidation.problems(in: input, registry: registry ?? self.registry, today: today)
    }

    func pairs(_ problems: [FieldProblem]) -> Set<String> {
        Set(problems.map { "\($0.field) \($0.code.rawValue)" })
    }

    @Test func goodFileIsValidAndTyped() throws {
        let file = try ChildFileValidation.validate(good, registry: registry, today: today).get()
        #expect(file.name == "王小明")
        #expect(file.gender == .male)
        #expect(file.birthDate == Fixtures.date("2015-03-10"))
        #expect(file.idNumber?.unmasked == Self.idNumber)
        #expect(file.schoolStage == .primary)
        #expect(file.village.code == "520330101201")
        #expect(file.parents.map(\.role) == [.father, .mother])
        #expect(file.parents[1].phone?.value == "13900139000")
        #expect(file.guardian.relation == .grandparent)
        #expect(file.guardian.phone?.kind == .landline)
        #expect(file.familyFlags == [.minimumAllowance, .povertyRegistered])
        #expect(file.specialNeeds == nil)
        #expect(file.duplicateKey.value == "王小明|2015-03-10|520330101201")
        #expect(file.eligibility(policy: .countyDefault, on: today) == .eligible)
        #expect(!"\(file)".contains("20150310"))
    }

    @Test func emptyInputNamesEveryRequiredField() {
        let found = problems(ChildFileInput())
        #expect(found.allSatisfy { $0.code == .missingField })
        #expect(
            found.map(\.field) == [
                "name", "gender", "birthDate", "schoolStage", "villageCode", "parents", "guardian",
            ])
    }

    @Test func allProblemsAreReportedAtOnce() {
        var input = good
        input.gender = "boy"
        input.birthDate = "2026-07-01"
        input.idNumber = "520330201503101239"
        input.villageCode = "520322101201"
        input.parents![0].since = nil
        input.parents![1].phone = "12345"
        input.guardian!.phone = "0851--2234567"
        input.familyFlags = ["orphan", "rich"]
        input.healthStatus = String(repeating: "好", count: 501)
        let found = problems(input)
        #expect(
            pairs(found) == [
                "gender invalid_value", "birthDate date_in_future", "idNumber invalid_id_number",
                "villageCode village_outside_county", "parents[0].since missing_field",
                "parents[1].phone invalid_phone",
                "guardian.phone invalid_phone", "familyFlags[1] invalid_value", "healthStatus too_long",
            ])
        #expect(found.count == 9)
        #expect(found.first { $0.field == "idNumber" }?.message.contains("check character") == true)
        #expect(found.allSatisfy { !$0.message.isEmpty })
        #expect(throws: FieldProblems.self) {
            try ChildFileValidation.validate(input, registry: registry, today: today).get()
        }
    }

    @Test func idNumberMustAgreeWithBirthDateAndGender() {
        var input = good
        input.birthDate = "2015-03-11"
        input.gender = "female"
        let found = problems(input)
        #expect(found.map(\.code) == [.idNumberMismatch, .idNumberMismatch])
        #expect(found.allSatisfy { $0.field == "idNumber" && !$0.message.contains("20150310") })
        var without = good
        without.idNumber = "  "
        #expect(problems(without).isEmpty)
    }

    @Test func fifteenDigitIDNumberGetsItsOwnMessage() {
        var input = good
        input.idNumber = "520330150310123"
        let found = problems(input)
        #expect(found.count == 1)
        #expect(found[0].message.contains("15-digit"))
    }

    @Test func schoolStageAgainstSchool() {
        for (stage, school, expected) in [
            ("primary", nil, "schoolId missing_field"), ("junior_high", nil, "schoolId missing_field"),
            ("vocational", nil, "schoolId missing_field"),
            ("not_in_school", "xs-1", "schoolId inconsistent_value"),
            ("preschool", nil, ""), ("university", nil, ""), ("not_in_school", nil, ""),
            ("senior_high", "xs-2", ""),
        ] as [(String, String?, String)] {
            var input = good
            input.schoolStage = stage
            input.schoolId = school
            #expect(pairs(problems(input)) == (expected.isEmpty ? [] : [expected]), "\(stage)")
        }
        var input = good
        input.grade = 13
        input.className = String(repeating: "班", count: 21)
        input.schoolStage = "kindergarten"
        #expect(
            pairs(problems(input)) == [
                "grade out_of_range", "className too_long", "schoolStage invalid_value",
            ])
    }

    @Test func nameLimits() {
        var input = good
        input.name = String(repeating: "王", count: 50)
        #expect(problems(input).isEmpty)
        input.name = String(repeating: "王", count: 51)
        #expect(pairs(problems(input)) == ["name too_long"])
        input.name = "王\n小明"
        #expect(pairs(problems(input)) == ["name invalid_value"])
        input.name = "   "
        #expect(pairs(problems(input)) == ["name missing_field"])
        input.name = "阿依古丽·买买提"
        #expect(problems(input).isEmpty)
    }

    @Test func datesMustBeRealDates() {
        var input = good
        input.birthDate = "2015-2-3"
        #expect(pairs(problems(input)) == ["birthDate invalid_date"])
        input.birthDate = "2015-02-29"
        #expect(pairs(problems(input)) == ["birthDate invalid_date"])
        input = good
        input.parents![1].since = "2026-06-21"
        #expect(pairs(problems(input)) == ["parents[1].since date_in_future"])
    }

    @Test func parentsNeedBothRolesOnce() {
        var input = good
        input.parents = [input.parents![1]]
        #expect(
            problems(input).map(\.message) == [
                "The entry for the mother is missing; use status unknown when it is not known (缺少母亲信息)."
            ])
        input = good
        input.parents![0].role = "father"
        #expect(pairs(problems(input)) == ["parents[1].role duplicate_value", "parents missing_field"])
        input = good
        input.parents![0].role = "uncle"
        #expect(pairs(problems(input)) == ["parents[0].role invalid_value"])
        input.parents = []
        #expect(pairs(problems(input)) == ["parents missing_field"])
    }

    @Test func parentWorkingAwayNeedsPlaceAndSince() {
        var input = good
        input.parents![1].place = " "
        input.parents![1].since = nil
        #expect(
            pairs(problems(input)) == ["parents[1].place missing_field", "parents[1].since missing_field"])
        input.parents![1].status = "deceased"
        #expect(problems(input).isEmpty)
        input.parents![1].status = nil
        #expect(pairs(problems(input)) == ["parents[1].status missing_field"])
    }

    @Test func guardianRules() {
        var input = good
        input.guardian = .init(relation: "none", name: "王大爷", phone: "13800138000")
        #expect(
            pairs(problems(input)) == [
                "guardian.name inconsistent_value", "guardian.phone inconsistent_value",
            ])
        input.guardian = .init(relation: "none")
        #expect(problems(input).isEmpty)
        input.guardian = .init(relation: "other_relative", age: 15)
        #expect(pairs(problems(input)) == ["guardian.name missing_field", "guardian.age out_of_range"])
        input.guardian = .init(relation: "parent", name: "王妈妈")
        #expect(pairs(problems(input)) == ["guardian.relation inconsistent_value"])
        input.parents![0].status = "disabled_or_ill"
        #expect(problems(input).isEmpty)
        input.guardian = .init(relation: "aunt", name: "王姨")
        #expect(pairs(problems(input)) == ["guardian.relation invalid_value"])
        input.guardian!.health = String(repeating: "病", count: 501)
        #expect(pairs(problems(input)) == ["guardian.relation invalid_value", "guardian.health too_long"])
    }

    @Test func villageCodeThroughTheRegistry() throws {
        var input = good
        input.villageCode = "520330199201"
        #expect(pairs(problems(input)) == ["villageCode unknown_township"])
        input.villageCode = "5203301012"
        #expect(pairs(problems(input)) == ["villageCode invalid_village_code"])
        input.villageCode = "520330101299"
        let withList = try registry.loadingVillages(csv: Data("520330101201,土城村\n".utf8))
        #expect(pairs(problems(input, registry: withList)) == ["villageCode unknown_village"])
        input.villageCode = "520330101201"
        let file = try ChildFileValidation.validate(input, registry: withList, today: today).get()
        #expect(file.village.name == "土城村")
    }

    @Test func decodesFromJSONWithMissingFieldsAndUnknownValues() throws {
        let json = #"{"name": "李四", "gender": "other", "parents": [{"role": "father"}], "guardian": {}}"#
        let input = try JSONDecoder().decode(ChildFileInput.self, from: Data(json.utf8))
        let found = problems(input)
        #expect(
            pairs(found).isSuperset(of: [
                "gender invalid_value", "birthDate missing_field", "parents[0].status missing_field",
                "parents missing_field", "guardian.relation missing_field",
            ]))
        let encoded = String(decoding: try JSONEncoder().encode(found[0]), as: UTF8.self)
        #expect(encoded.contains(#""code":"invalid_value""#))
    }

    @Test func inputNeverPrintsTheIDNumber() {
        let input = good
        var dumped = ""
        dump(input, to: &dumped)
        for shown in ["\(input)", String(reflecting: input), dumped] {
            #expect(!shown.contains(Self.idNumber))
            #expect(!shown.contains("20150310"))
        }
        #expect("\(input)".contains("idNumber: " + input.maskedIDNumber!))
        #expect(input.maskedIDNumber == "520330********" + String(Self.idNumber.suffix(4)))
    }
}
