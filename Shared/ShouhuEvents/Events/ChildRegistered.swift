/// A child entered the county ledger (登记, 一人一档): intake registered a left-behind child
/// (留守儿童). Carries what the other services need to assess, pair, pay and notify; the
/// resident ID number (身份证号) never leaves intake and has no field here.
public struct ChildRegistered: Event {
    public static let routingKey = "child.registered"
    public static let producer = ServiceName.intake
    public static let consumers: Set<ServiceName> = [.assessment, .mentoring, .funding, .notification]
    public static let version = 1

    /// The child's id in every service, a lowercase UUID.
    public var childId: String
    /// The child's name (姓名), 1–50 characters once trimmed.
    public var name: String
    /// Gender (性别).
    public var gender: Gender
    /// Date of birth (出生日期); ages follow from it.
    public var birthDate: CalendarDate
    /// School stage (学段).
    public var schoolStage: SchoolStage
    /// The school's id; nil only before school or out of school (`preschool`, `not_in_school`).
    public var schoolId: String?
    /// Grade (年级) as the school writes it (`三年级`, `3`), if known.
    public var grade: String?
    /// Class (班级) as the school writes it, if known.
    public var className: String?
    /// The 12-digit GB/T 2260 code of the home village (村).
    public var villageCode: String
    /// Who guards the child day to day (监护人情况).
    public var guardian: Guardian
    /// Each parent's situation (父母动态), at most one entry per role.
    public var parents: [Parent]
    /// Family circumstances (家庭情况), no repeats.
    public var familyFlags: [FamilyFlag]
    /// The day the child was registered.
    public var registeredOn: CalendarDate

    /// Makes the event; check it with `validate()`.
    public init(
        childId: String, name: String, gender: Gender, birthDate: CalendarDate,
        schoolStage: SchoolStage, schoolId: String?, grade: String? = nil, className: String? = nil,
        villageCode: String, guardian: Guardian, parents: [Parent], familyFlags: [FamilyFlag],
        registeredOn: CalendarDate
    ) {
        self.childId = childId
        self.name = name
        self.gender = gender
        self.birthDate = birthDate
        self.schoolStage = schoolStage
        self.schoolId = schoolId
        self.grade = grade
        self.className = className
        self.villageCode = villageCode
        self.guardian = guardian
        self.parents = parents
        self.familyFlags = familyFlags
        self.registeredOn = registeredOn
    }

    /// Checks formats and the rules between fields: a school id unless the stage has no school,
    /// a guardian's name unless there is no guardian, one entry per parent role, no repeated
    /// family flag, and a birth date not after the registration day.
    public func validate() throws(EventValidationError) {
        try Check.uuid(childId, "childId")
        try Check.personName(name, "name")
        try ChildRegistered.checkSchool(stage: schoolStage, schoolId: schoolId)
        if let grade { try ChildRegistered.checkGrade(grade, "grade") }
        if let className { try ChildRegistered.checkClassName(className, "className") }
        try Check.villageCode(villageCode, "villageCode")
        try Check.nested("guardian") { () throws(EventValidationError) in try guardian.validate() }
        try ChildRegistered.checkParents(parents, "parents")
        try Check.unique(familyFlags, "familyFlags")
        try Check.that(birthDate <= registeredOn, "birthDate", "must not be after registeredOn")
    }

    // MARK: - Rules shared with ChildUpdated

    /// Whether a child at this stage must have a school id: everyone but preschool children and
    /// children out of school.
    public static func requiresSchool(_ stage: SchoolStage) -> Bool {
        stage != .preschool && stage != .notInSchool
    }

    static func checkSchool(stage: SchoolStage, schoolId: String?) throws(EventValidationError) {
        if let schoolId {
            try Check.schoolId(schoolId, "schoolId")
        } else {
            try Check.that(
                !requiresSchool(stage), "schoolId",
                "is required when schoolStage is \(stage.rawValue)")
        }
    }

    static func checkGrade(_ grade: String, _ field: String) throws(EventValidationError) {
        try Check.text(grade, field, max: 20)
    }

    static func checkClassName(_ className: String, _ field: String) throws(EventValidationError) {
        try Check.text(className, field, max: 32)
    }

    static func checkParents(_ parents: [Parent], _ field: String) throws(EventValidationError) {
        var roles = Set<ParentRole>()
        for (index, parent) in parents.enumerated() {
            let path = "\(field)[\(index)]"
            try Check.nested(path) { () throws(EventValidationError) in try parent.validate() }
            try Check.that(
                roles.insert(parent.role).inserted, path + ".role",
                "a second entry for the \(parent.role.rawValue)")
        }
    }

    // MARK: - Codable

    private enum CodingKeys: String, CodingKey {
        case childId, name, gender, birthDate, schoolStage, schoolId, grade, className
        case villageCode, guardian, parents, familyFlags, registeredOn
    }

    /// Writes every field, absent optionals as `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(childId, forKey: .childId)
        try container.encode(name, forKey: .name)
        try container.encode(gender, forKey: .gender)
        try container.encode(birthDate, forKey: .birthDate)
        try container.encode(schoolStage, forKey: .schoolStage)
        try container.encode(schoolId, forKey: .schoolId)
        try container.encode(grade, forKey: .grade)
        try container.encode(className, forKey: .className)
        try container.encode(villageCode, forKey: .villageCode)
        try container.encode(guardian, forKey: .guardian)
        try container.encode(parents, forKey: .parents)
        try container.encode(familyFlags, forKey: .familyFlags)
        try container.encode(registeredOn, forKey: .registeredOn)
    }
}
