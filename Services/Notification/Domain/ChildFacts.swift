import ShouhuEvents

/// What the directory knows of one child, from intake's events: enough to name the child in a
/// message and to find who is responsible for where the child lives or studies.
public struct ChildFacts: Sendable, Hashable {
    public var childId: String
    public var name: String
    /// 12-digit village code (行政村); its first 9 digits are the township (乡镇).
    public var villageCode: String
    public var schoolId: String?
    /// The guardian (监护人), with whatever number intake holds.
    public var guardian: Contact?
    /// The parents working away (外出父母) whose phone intake holds: who hears the monthly report.
    public var parents: [ParentFacts]
    public var exited: Bool

    public init(childId: String, name: String, villageCode: String, schoolId: String?, guardian: Contact? = nil,
                parents: [ParentFacts] = [], exited: Bool = false) {
        self.childId = childId
        self.name = name
        self.villageCode = villageCode
        self.schoolId = schoolId
        self.guardian = guardian
        self.parents = parents
        self.exited = exited
    }

    /// The township code (first 9 digits of the village code).
    public var townshipCode: String { String(villageCode.prefix(9)) }
}

/// A parent working away, as the directory knows them from intake's events.
public struct ParentFacts: Sendable, Hashable {
    public var role: ParentRole
    public var contact: Contact

    public init(role: ParentRole, contact: Contact) {
        self.role = role
        self.contact = contact
    }

    /// The inbox address of this parent of `childId`: parents have no login, so their row is the
    /// record an officer reads to see that the report went out.
    public func recipient(of childId: String) -> String { "parent:\(childId):\(role.rawValue)" }
}

/// A mentor (帮扶责任人) as the directory knows them from `MentorRegistered`.
public struct MentorFacts: Sendable, Hashable {
    public var mentorId: String
    public var contact: Contact

    public init(mentorId: String, contact: Contact) {
        self.mentorId = mentorId
        self.contact = contact
    }
}
