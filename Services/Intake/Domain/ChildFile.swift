import ShouhuEvents

/// A child's file (一人一档) that has passed `ChildFileValidation`: typed, trimmed, normalised.
/// What the store writes and the events are built from. Texts are trimmed and a blank optional
/// text is nil.
///
/// The resident ID number prints masked (see `ResidentIDNumber`), so printing or dumping a file
/// cannot leak it.
public struct ChildFile: Sendable, Hashable {
    /// One parent (父母动态).
    public struct Parent: Sendable, Hashable {
        /// Father or mother.
        public var role: ParentRole
        /// The parent's situation.
        public var status: ParentStatus
        /// Where a parent working away works (务工地点).
        public var place: String?
        /// Since when the status holds; for a parent working away, the day they left.
        public var since: CalendarDate?
        /// The parent's phone.
        public var phone: PhoneNumber?

        /// Makes a parent entry.
        public init(
            role: ParentRole, status: ParentStatus, place: String? = nil, since: CalendarDate? = nil,
            phone: PhoneNumber? = nil
        ) {
            self.role = role
            self.status = status
            self.place = place
            self.since = since
            self.phone = phone
        }

        /// What the left-behind definition reads.
        public var situation: ParentSituation {
            ParentSituation(role: role, status: status, since: since)
        }
    }

    /// The guardian (监护人情况).
    public struct Guardian: Sendable, Hashable {
        /// Who the guardian is to the child.
        public var relation: GuardianRelation
        /// The guardian's name; nil only when the relation is `none`.
        public var name: String?
        /// The guardian's phone.
        public var phone: PhoneNumber?
        /// The guardian's age in years.
        public var age: Int?
        /// Health and capacity to guard, in words.
        public var health: String?

        /// Makes a guardian entry.
        public init(
            relation: GuardianRelation, name: String? = nil, phone: PhoneNumber? = nil, age: Int? = nil,
            health: String? = nil
        ) {
            self.relation = relation
            self.name = name
            self.phone = phone
            self.age = age
            self.health = health
        }
    }

    /// The child's name.
    public var name: String
    /// Gender.
    public var gender: Gender
    /// Date of birth.
    public var birthDate: CalendarDate
    /// The resident ID number, when known.
    public var idNumber: ResidentIDNumber?
    /// Stage of schooling.
    public var schoolStage: SchoolStage
    /// The school, when the child attends one.
    public var schoolId: String?
    /// Year of schooling from primary 1 (1–12).
    public var grade: Int?
    /// The class.
    public var className: String?
    /// The home's village, checked against the registry.
    public var village: Village
    /// The home address in words.
    public var address: String?
    /// Father first, then mother.
    public var parents: [Parent]
    /// The guardian.
    public var guardian: Guardian
    /// Family circumstances, each once, in `FamilyFlag.allCases` order.
    public var familyFlags: [FamilyFlag]
    /// Health, in words.
    public var healthStatus: String?
    /// Special needs, in words.
    public var specialNeeds: String?
    /// Study status, in words.
    public var studyStatus: String?

    /// Makes a file; `ChildFileValidation.validate` is the usual way.
    public init(
        name: String, gender: Gender, birthDate: CalendarDate, idNumber: ResidentIDNumber? = nil,
        schoolStage: SchoolStage, schoolId: String? = nil, grade: Int? = nil, className: String? = nil,
        village: Village, address: String? = nil, parents: [Parent], guardian: Guardian,
        familyFlags: [FamilyFlag] = [], healthStatus: String? = nil, specialNeeds: String? = nil,
        studyStatus: String? = nil
    ) {
        self.name = name
        self.gender = gender
        self.birthDate = birthDate
        self.idNumber = idNumber
        self.schoolStage = schoolStage
        self.schoolId = schoolId
        self.grade = grade
        self.className = className
        self.village = village
        self.address = address
        self.parents = parents
        self.guardian = guardian
        self.familyFlags = familyFlags
        self.healthStatus = healthStatus
        self.specialNeeds = specialNeeds
        self.studyStatus = studyStatus
    }

    /// The parents as the left-behind definition reads them.
    public var parentSituations: [ParentSituation] { parents.map(\.situation) }

    /// The likely-duplicate key (name, birth date, village), used when there is no ID number.
    public var duplicateKey: DuplicateKey {
        DuplicateKey(name: name, birthDate: birthDate, villageCode: village.code)
    }

    /// Whether the child counts as left-behind under a policy on a day.
    public func eligibility(policy: LeftBehindPolicy, on referenceDate: CalendarDate) -> Eligibility {
        LeftBehindDefinition.evaluate(
            birthDate: birthDate, parents: parentSituations, policy: policy, on: referenceDate)
    }
}
