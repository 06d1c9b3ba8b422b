import Foundation
import ShouhuEvents

/// Validation of a child's file (一人一档) as entered: every field of a `ChildFileInput` is
/// checked and every problem reported at once, with a JSON-path field name.
///
/// What is required follows the ledger of seed 000 篇二 and seed 003 篇一: name, gender, date of
/// birth, school stage, village, both parents' status, the guardian's relation (and name, unless
/// there is none). A parent working away needs the place and the day they left, because the
/// left-behind definition measures months away from it ("父母动态"). Limits that a county might
/// want to change are the static constants below.
///
/// Validation checks fields only; whether the child counts as left-behind is
/// `LeftBehindDefinition` (the HTTP layer answers 422 `not_left_behind`), and duplicates are the
/// store's (409 `duplicate_id_number`).
public enum ChildFileValidation {
    /// Longest name, in characters (a Chinese character is one).
    public static let maxNameLength = 50
    /// Longest free text: health, special needs, study status, guardian's health.
    public static let maxFreeTextLength = 500
    /// Longest place of work of a parent.
    public static let maxPlaceLength = 100
    /// Longest home address.
    public static let maxAddressLength = 200
    /// Longest school identifier.
    public static let maxSchoolIdLength = 64
    /// Longest class name.
    public static let maxClassNameLength = 20
    /// Years of schooling counted from primary 1: primary 1–6, junior high 7–9, senior 10–12.
    public static let gradeRange = 1...12
    /// A guardian's plausible age. The lower bound is the age from which the Civil Code lets a
    /// minor who lives on their own income have full civil capacity (民法典 第十八条: 十六周岁).
    public static let guardianAgeRange = 16...120
    /// Stages at which a child is at a school the county knows, so `schoolId` is required.
    /// A university may be outside the county and a preschool child may attend none: optional.
    /// `not_in_school` with a school is a contradiction.
    public static let stagesRequiringSchool: Set<SchoolStage> = [
        .primary, .juniorHigh, .seniorHigh, .vocational,
    ]

    /// Checks a file and returns it typed, or every problem found.
    /// - Parameters:
    ///   - input: the file as decoded from the request or import row.
    ///   - registry: the county's divisions, for the village code.
    ///   - today: the county's today, to refuse dates in the future.
    public static func validate(_ input: ChildFileInput, registry: DivisionRegistry, today: CalendarDate)
        -> Result<ChildFile, FieldProblems>
    {
        var checker = Checker(today: today)
        let file = checker.check(input, registry: registry)
        guard checker.problems.isEmpty, let file else { return .failure(FieldProblems(checker.problems)) }
        return .success(file)
    }

    /// Every problem in a file, in the order of its fields; empty when it is valid.
    public static func problems(in input: ChildFileInput, registry: DivisionRegistry, today: CalendarDate)
        -> [FieldProblem]
    {
        var checker = Checker(today: today)
        _ = checker.check(input, registry: registry)
        return checker.problems
    }
}

// MARK: - The checks

/// How a field is named in messages: English (capitalised, it starts the sentence) and Chinese.
private struct Label: Sendable {
    let en: String
    let zh: String
    init(_ en: String, _ zh: String) {
        self.en = en
        self.zh = zh
    }
}

/// The field paths and labels of a parent entry, made once rather than for every row of an
/// import (building these strings was a visible share of checking a row).
private enum ParentFields {
    /// The JSON paths of one entry's fields.
    struct Paths {
        let role, status, place, since, phone: String
        init(_ index: Int) {
            let path = "parents[\(index)]"
            role = path + ".role"
            status = path + ".status"
            place = path + ".place"
            since = path + ".since"
            phone = path + ".phone"
        }
    }

    /// How one entry's fields are named, by its role (or an unreadable one).
    struct Labels {
        let who: Label
        let noun: String
        let status, place, since, phone: Label
        init(_ role: ParentRole?) {
            who =
                role.map { $0 == .father ? Label("The father's", "父亲") : Label("The mother's", "母亲") }
                ?? Label("The parent's", "父母")
            noun = role.map { "the \($0.rawValue)" } ?? "the parent"
            status = Label("\(who.en) status", "\(who.zh)状况")
            place = Label("\(who.en) place of work", "\(who.zh)务工地点")
            since = Label("\(who.en) since-date", "\(who.zh)外出时间")
            phone = Label("\(who.en) phone", "\(who.zh)电话")
        }
    }

    private static let firstPaths = [Paths(0), Paths(1)]
    private static let father = Labels(.father)
    private static let mother = Labels(.mother)
    private static let unknown = Labels(nil)

    static func paths(_ index: Int) -> Paths {
        index < firstPaths.count ? firstPaths[index] : Paths(index)
    }

    static func labels(_ role: ParentRole?) -> Labels {
        switch role {
        case .father: father
        case .mother: mother
        case nil: unknown
        }
    }
}

/// Collects problems while reading one input.
private struct Checker {
    let today: CalendarDate
    var problems: [FieldProblem] = []

    init(today: CalendarDate) {
        self.today = today
    }

    mutating func add(_ field: String, _ code: FieldProblem.Code, _ message: String) {
        problems.append(FieldProblem(field: field, code: code, message: message))
    }

    mutating func check(_ input: ChildFileInput, registry: DivisionRegistry) -> ChildFile? {
        let name = requiredText(
            input.name, "name", Label("The child's name", "姓名"), max: ChildFileValidation.maxNameLength,
            singleLine: true)
        let gender: Gender? = requiredChoice(input.gender, "gender", Label("Gender", "性别"))
        let birthDate = date(input.birthDate, "birthDate", Label("The date of birth", "出生日期"), required: true)
        let idNumber = checkIDNumber(input.idNumber, birthDate: birthDate, gender: gender)

        let stage: SchoolStage? = requiredChoice(
            input.schoolStage, "schoolStage", Label("The school stage", "学段"))
        let schoolId = optionalText(
            input.schoolId, "schoolId", Label("The school", "学校"), max: ChildFileValidation.maxSchoolIdLength,
            singleLine: true)
        if let stage {
            if ChildFileValidation.stagesRequiringSchool.contains(stage), clean(input.schoolId) == nil {
                add(
                    "schoolId", .missingField,
                    "The school is required for a child in \(stage.rawValue) (请填写学校).")
            }
            if stage == .notInSchool, schoolId != nil {
                add(
                    "schoolId", .inconsistentValue,
                    "A child who is not in school has no school; remove it or change the school "
                        + "stage (未在校儿童不应填写学校)."
                )
            }
        }
        if let grade = input.grade, !ChildFileValidation.gradeRange.contains(grade) {
            add(
                "grade", .outOfRange,
                "The grade must be a year of schooling from 1 to 12: primary 1–6, junior high 7–9, "
                    + "senior high 10–12 (年级应为1至12)."
            )
        }
        let className = optionalText(
            input.className, "className", Label("The class", "班级"),
            max: ChildFileValidation.maxClassNameLength, singleLine: true)

        var village: Village?
        if let code = clean(input.villageCode) {
            switch registry.validateVillage(code) {
            case .success(let found): village = found
            case .failure(let error):
                add(
                    "villageCode", FieldProblem.Code(rawValue: error.code) ?? .invalidVillageCode,
                    error.message)
            }
        } else {
            add("villageCode", .missingField, "The village code is required (请填写村级区划代码).")
        }
        let address = optionalText(
            input.address, "address", Label("The address", "家庭住址"), max: ChildFileValidation.maxAddressLength,
            singleLine: false)

        let parents = checkParents(input.parents)
        let guardian = checkGuardian(input.guardian, parents: parents)
        let flags = checkFamilyFlags(input.familyFlags)

        let healthStatus = optionalText(
            input.healthStatus, "healthStatus", Label("The health status", "健康状况"),
            max: ChildFileValidation.maxFreeTextLength, singleLine: false)
        let specialNeeds = optionalText(
            input.specialNeeds, "specialNeeds", Label("Special needs", "特殊需求"),
            max: ChildFileValidation.maxFreeTextLength, singleLine: false)
        let studyStatus = optionalText(
            input.studyStatus, "studyStatus", Label("The study status", "学习状况"),
            max: ChildFileValidation.maxFreeTextLength, singleLine: false)

        guard problems.isEmpty, let name, let gender, let birthDate, let stage, let village, let parents,
            let guardian
        else { return nil }
        return ChildFile(
            name: name, gender: gender, birthDate: birthDate, idNumber: idNumber, schoolStage: stage,
            schoolId: schoolId, grade: input.grade, className: className, village: village,
            address: address, parents: parents, guardian: guardian, familyFlags: flags,
            healthStatus: healthStatus, specialNeeds: specialNeeds, studyStatus: studyStatus)
    }

    // MARK: Identity

    mutating func checkIDNumber(_ text: String?, birthDate: CalendarDate?, gender: Gender?)
        -> ResidentIDNumber?
    {
        guard let text = clean(text) else { return nil }
        switch ResidentIDNumber.parse(text, today: today) {
        case .failure(let error):
            add("idNumber", .invalidIDNumber, error.message)
            return nil
        case .success(let id):
            if let birthDate, !id.agrees(withBirthDate: birthDate) {
                add(
                    "idNumber", .idNumberMismatch,
                    "The date of birth in the ID number is not the date of birth given "
                        + "(身份证号码中的出生日期与填写的出生日期不一致)."
                )
            }
            if let gender, id.gender != gender {
                add(
                    "idNumber", .idNumberMismatch,
                    "The ID number records the child as \(id.gender.rawValue), but the gender given "
                        + "is \(gender.rawValue) (身份证号码中的性别与填写的性别不一致)."
                )
            }
            return id
        }
    }

    // MARK: Parents

    mutating func checkParents(_ entries: [ChildFileInput.Parent]?) -> [ChildFile.Parent]? {
        guard let entries, !entries.isEmpty else {
            add(
                "parents", .missingField,
                "Both parents are required, father and mother, each with a status; use status "
                    + "unknown when it is not known (请填写父亲和母亲的情况)."
            )
            return nil
        }
        var parents: [ChildFile.Parent] = []
        var seenRoles: [ParentRole: Int] = [:]
        var everyRoleReadable = true
        var allGood = true
        for (index, entry) in entries.enumerated() {
            let paths = ParentFields.paths(index)
            let before = problems.count
            let role: ParentRole? = requiredChoice(
                entry.role, paths.role, Label("The parent's role", "父母身份"))
            if role == nil { everyRoleReadable = false }
            if let role {
                if let earlier = seenRoles[role] {
                    add(
                        paths.role, .duplicateValue,
                        "There is already an entry for the \(role.rawValue) at parents[\(earlier)] "
                            + "(\(role == .father ? "父亲" : "母亲")信息重复)."
                    )
                } else {
                    seenRoles[role] = index
                }
            }
            let labels = ParentFields.labels(role)
            let status: ParentStatus? = requiredChoice(entry.status, paths.status, labels.status)
            let away = status == .workingAway
            let place = optionalText(
                entry.place, paths.place, labels.place, max: ChildFileValidation.maxPlaceLength, singleLine: true)
            if away, clean(entry.place) == nil {
                add(
                    paths.place, .missingField,
                    "\(labels.who.en) place of work is required for a parent working away "
                        + "(请填写\(labels.who.zh)务工地点).")
            }
            let since = date(entry.since, paths.since, labels.since, required: false)
            if away, clean(entry.since) == nil {
                add(
                    paths.since, .missingField,
                    "The day \(labels.noun) left to work away is required: the left-behind definition "
                        + "counts months from it (请填写\(labels.who.zh)外出时间)."
                )
            }
            let phone = self.phone(entry.phone, paths.phone, labels.phone)
            if problems.count == before, let role, let status {
                parents.append(
                    ChildFile.Parent(role: role, status: status, place: place, since: since, phone: phone))
            } else {
                allGood = false
            }
        }
        if everyRoleReadable {
            for role in ParentRole.allCases where seenRoles[role] == nil {
                let zh = role == .father ? "父亲" : "母亲"
                add(
                    "parents", .missingField,
                    "The entry for the \(role.rawValue) is missing; use status unknown when it is "
                        + "not known (缺少\(zh)信息)."
                )
                allGood = false
            }
        }
        guard allGood else { return nil }
        return parents.sorted { $0.role == .father && $1.role == .mother }
    }

    // MARK: Guardian

    mutating func checkGuardian(_ entry: ChildFileInput.Guardian?, parents: [ChildFile.Parent]?) -> ChildFile
        .Guardian?
    {
        guard let entry else {
            add(
                "guardian", .missingField,
                "The guardian is required; use relation none when nobody guards the child (请填写监护人情况).")
            return nil
        }
        let before = problems.count
        let relation: GuardianRelation? = requiredChoice(
            entry.relation, "guardian.relation", Label("The guardian's relation", "监护人关系"))
        let name: String?
        if relation == GuardianRelation.none {
            name = nil
            for (field, present) in [
                ("name", clean(entry.name) != nil), ("phone", clean(entry.phone) != nil),
                ("age", entry.age != nil),
            ] where present {
                add(
                    "guardian.\(field)", .inconsistentValue,
                    "The relation is none (nobody guards the child), so there is no guardian's "
                        + "\(field); remove it or correct the relation (无监护人时不应填写)."
                )
            }
        } else {
            name = optionalText(
                entry.name, "guardian.name", Label("The guardian's name", "监护人姓名"),
                max: ChildFileValidation.maxNameLength, singleLine: true)
            if clean(entry.name) == nil {
                add("guardian.name", .missingField, "The guardian's name is required (请填写监护人姓名).")
            }
        }
        let phone = self.phone(entry.phone, "guardian.phone", Label("The guardian's phone", "监护人电话"))
        let ages = ChildFileValidation.guardianAgeRange
        if let age = entry.age, !ages.contains(age) {
            add(
                "guardian.age", .outOfRange,
                "The guardian's age must be between \(ages.lowerBound) and \(ages.upperBound) "
                    + "(监护人年龄不合理).")
        }
        let health = optionalText(
            entry.health, "guardian.health", Label("The guardian's health", "监护人身体状况"),
            max: ChildFileValidation.maxFreeTextLength, singleLine: false)
        if relation == .parent, let parents,
            !parents.contains(where: { $0.status == .atHome || $0.status == .disabledOrIll })
        {
            add(
                "guardian.relation", .inconsistentValue,
                "The guardian is a parent, but neither parent is at home or disabled or ill "
                    + "(监护人为父母，但父母均不在家)."
            )
        }
        guard problems.count == before, let relation else { return nil }
        return ChildFile.Guardian(
            relation: relation, name: name, phone: phone, age: entry.age, health: health)
    }

    // MARK: Family

    mutating func checkFamilyFlags(_ values: [String]?) -> [FamilyFlag] {
        var flags: Set<FamilyFlag> = []
        for (index, value) in (values ?? []).enumerated() {
            if let flag: FamilyFlag = choice(
                value, "familyFlags[\(index)]", Label("A family circumstance", "家庭情况"))
            {
                flags.insert(flag)
            }
        }
        return FamilyFlag.allCases.filter(flags.contains)
    }

    // MARK: Field helpers

    /// Trimmed text, nil when absent or blank.
    func clean(_ text: String?) -> String? {
        guard let trimmed = text?.trimmedWhitespace, !trimmed.isEmpty else {
            return nil
        }
        return trimmed
    }

    mutating func requiredText(_ text: String?, _ field: String, _ label: Label, max: Int, singleLine: Bool)
        -> String?
    {
        guard clean(text) != nil else {
            add(field, .missingField, "\(label.en) is required (请填写\(label.zh)).")
            return nil
        }
        return optionalText(text, field, label, max: max, singleLine: singleLine)
    }

    mutating func optionalText(_ text: String?, _ field: String, _ label: Label, max: Int, singleLine: Bool)
        -> String?
    {
        guard let value = clean(text) else { return nil }
        // A string is never longer in characters than in UTF-8 bytes: count only when it may be.
        if value.utf8.count > max, value.count > max {
            add(
                field, .tooLong,
                "\(label.en) is \(value.count) characters long; at most \(max) are allowed "
                    + "(\(label.zh)不能超过\(max)个字)."
            )
            return nil
        }
        // Control characters (U+0000–001F, U+007F–009F) need one of these bytes in UTF-8; the
        // scalar-by-scalar check runs only on text that has one.
        let mayHoldControl = value.utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }
        let forbidden = mayHoldControl && value.unicodeScalars.contains { scalar in
            scalar.properties.generalCategory == .control
                && (singleLine || !"\n\r\t".unicodeScalars.contains(scalar))
        }
        if forbidden {
            add(
                field, .invalidValue,
                "\(label.en) contains a line break or another control character (\(label.zh)含有不允许的字符).")
            return nil
        }
        return value
    }

    mutating func requiredChoice<T: RawRepresentable & CaseIterable>(
        _ text: String?, _ field: String, _ label: Label
    ) -> T? where T.RawValue == String {
        guard clean(text) != nil else {
            add(field, .missingField, "\(label.en) is required (请填写\(label.zh)).")
            return nil
        }
        return choice(text, field, label)
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ text: String?, _ field: String, _ label: Label)
        -> T? where T.RawValue == String
    {
        guard let value = clean(text) else { return nil }
        if let found = T(rawValue: value.lowercased()) { return found }
        let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
        add(
            field, .invalidValue,
            "\(label.en) \"\(DivisionError.shown(value))\" is not one of: \(allowed) "
                + "(\(label.zh)取值不正确).")
        return nil
    }

    mutating func date(_ text: String?, _ field: String, _ label: Label, required: Bool) -> CalendarDate? {
        guard let value = clean(text) else {
            if required { add(field, .missingField, "\(label.en) is required (请填写\(label.zh)).") }
            return nil
        }
        guard let date = CalendarDate(value) else {
            add(
                field, .invalidDate,
                "\(label.en) must be a real date written YYYY-MM-DD, such as 2015-09-01 "
                    + "(\(label.zh)格式应为YYYY-MM-DD)."
            )
            return nil
        }
        if date > today {
            add(field, .dateInFuture, "\(label.en) \(date) is after today, \(today) (\(label.zh)不能晚于今天).")
            return nil
        }
        if date.year < ResidentIDNumber.earliestBirthYear {
            add(field, .outOfRange, "\(label.en) \(date) is before 1900 (\(label.zh)早于1900年).")
            return nil
        }
        return date
    }

    mutating func phone(_ text: String?, _ field: String, _ label: Label) -> PhoneNumber? {
        guard let value = clean(text) else { return nil }
        guard let number = PhoneNumber(value) else {
            add(
                field, .invalidPhone,
                "\(label.en) \"\(DivisionError.shown(value))\" is not a phone number. " + PhoneNumber.rule)
            return nil
        }
        return number
    }
}
