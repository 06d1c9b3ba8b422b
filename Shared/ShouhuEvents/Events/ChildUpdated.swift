/// A child's ledger entry changed (台账动态管理): intake names the fields that changed in
/// `changed` and carries the new value of each. A field listed in `changed` whose value is
/// absent or `null` was cleared, which only `ChildUpdated.Field.isClearable` fields allow
/// (`schoolId`, `grade`, `className`). Fields not listed are absent: they did not change.
public struct ChildUpdated: Event {
    public static let routingKey = "child.updated"
    public static let producer = ServiceName.intake
    public static let consumers: Set<ServiceName> = [.assessment, .mentoring, .funding, .notification]
    public static let version = 1

    /// The fields of a child a `child.updated` event can change; the raw value is the JSON name.
    public enum Field: String, Codable, Sendable, CaseIterable, Hashable {
        case name, gender, birthDate, schoolStage, schoolId, grade, className
        case villageCode, guardian, parents, familyFlags

        /// Whether the field may be cleared (listed in `changed` with no value).
        public var isClearable: Bool {
            self == .schoolId || self == .grade || self == .className
        }
    }

    /// The child, a lowercase UUID.
    public var childId: String
    /// The JSON names of the changed fields (`Field` raw values), each once. Kept as strings so
    /// that a name from a newer producer reaches `validate()` and is reported, not lost.
    public var changed: [String]
    /// New name.
    public var name: String?
    /// New gender.
    public var gender: Gender?
    /// New date of birth.
    public var birthDate: CalendarDate?
    /// New school stage.
    public var schoolStage: SchoolStage?
    /// New school id, or nil with `schoolId` listed when the child left school.
    public var schoolId: String?
    /// New grade, or cleared.
    public var grade: String?
    /// New class, or cleared.
    public var className: String?
    /// New village code (the family moved within the county).
    public var villageCode: String?
    /// New guardian (the whole entry).
    public var guardian: ChildRegistered.Guardian?
    /// New list of parents (the whole list).
    public var parents: [ChildRegistered.Parent]?
    /// New family flags (the whole list).
    public var familyFlags: [FamilyFlag]?

    /// Makes the event from the changed fields and their new values; pass no value for a
    /// cleared field.
    public init(
        childId: String, changed: [Field], name: String? = nil, gender: Gender? = nil,
        birthDate: CalendarDate? = nil, schoolStage: SchoolStage? = nil, schoolId: String? = nil,
        grade: String? = nil, className: String? = nil, villageCode: String? = nil,
        guardian: ChildRegistered.Guardian? = nil, parents: [ChildRegistered.Parent]? = nil,
        familyFlags: [FamilyFlag]? = nil
    ) {
        self.childId = childId
        self.changed = changed.map(\.rawValue)
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
    }

    /// The known fields listed in `changed`, in order.
    public var changedFields: [Field] {
        changed.compactMap(Field.init(rawValue:))
    }

    /// Whether `changed` lists a field.
    public func isChanged(_ field: Field) -> Bool {
        changed.contains(field.rawValue)
    }

    /// Whether this event carries a value for a field.
    public func hasValue(_ field: Field) -> Bool {
        switch field {
        case .name: name != nil
        case .gender: gender != nil
        case .birthDate: birthDate != nil
        case .schoolStage: schoolStage != nil
        case .schoolId: schoolId != nil
        case .grade: grade != nil
        case .className: className != nil
        case .villageCode: villageCode != nil
        case .guardian: guardian != nil
        case .parents: parents != nil
        case .familyFlags: familyFlags != nil
        }
    }

    /// Checks that at least one known field is listed, each once; that every listed field has a
    /// value unless it may be cleared; that no unlisted field has one; and that the new values
    /// follow the rules of `ChildRegistered`. A school stage and school id that change together
    /// are checked together; a change of one alone is intake's to check against the ledger.
    public func validate() throws(EventValidationError) {
        try Check.uuid(childId, "childId")
        try Check.nonEmpty(changed, "changed")
        var listed = Set<String>()
        for (index, entry) in changed.enumerated() {
            let path = "changed[\(index)]"
            guard let field = Field(rawValue: entry) else {
                throw EventValidationError(field: path, reason: "unknown field \"\(entry)\"")
            }
            try Check.that(listed.insert(entry).inserted, path, "lists \(entry) twice")
            try Check.that(
                field.isClearable || hasValue(field), field.rawValue,
                "is listed in changed but has no value, and cannot be cleared")
        }
        for field in Field.allCases where hasValue(field) {
            try Check.that(isChanged(field), field.rawValue, "has a value but is not listed in changed")
        }

        if let name { try Check.personName(name, "name") }
        if let schoolStage, isChanged(.schoolId) {
            try ChildRegistered.checkSchool(stage: schoolStage, schoolId: schoolId)
        } else if let schoolId {
            try Check.schoolId(schoolId, "schoolId")
        }
        if let grade { try ChildRegistered.checkGrade(grade, "grade") }
        if let className { try ChildRegistered.checkClassName(className, "className") }
        if let villageCode { try Check.villageCode(villageCode, "villageCode") }
        if let guardian {
            try Check.nested("guardian") { () throws(EventValidationError) in try guardian.validate() }
        }
        if let parents { try ChildRegistered.checkParents(parents, "parents") }
        if let familyFlags { try Check.unique(familyFlags, "familyFlags") }
    }

    // MARK: - Codable

    private enum CodingKeys: String, CodingKey {
        case childId, changed, name, gender, birthDate, schoolStage, schoolId, grade, className
        case villageCode, guardian, parents, familyFlags
    }

    /// Writes `childId`, `changed`, and each listed field (a cleared one as `null`). A value
    /// for an unlisted field is written too, so that a receiver's `validate()` sees it.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(childId, forKey: .childId)
        try container.encode(changed, forKey: .changed)
        func write<T: Encodable>(_ value: T?, _ field: Field, _ key: CodingKeys) throws {
            if value != nil || isChanged(field) { try container.encode(value, forKey: key) }
        }
        try write(name, .name, .name)
        try write(gender, .gender, .gender)
        try write(birthDate, .birthDate, .birthDate)
        try write(schoolStage, .schoolStage, .schoolStage)
        try write(schoolId, .schoolId, .schoolId)
        try write(grade, .grade, .grade)
        try write(className, .className, .className)
        try write(villageCode, .villageCode, .villageCode)
        try write(guardian, .guardian, .guardian)
        try write(parents, .parents, .parents)
        try write(familyFlags, .familyFlags, .familyFlags)
    }
}
