/// What the directory knows of one child, from intake's events: enough to name the child in a
/// message and to find who is responsible for where the child lives or studies.
public struct ChildFacts: Sendable, Hashable {
    public var childId: String
    public var name: String
    /// 12-digit village code (行政村); its first 9 digits are the township (乡镇).
    public var villageCode: String
    public var schoolId: String?
    /// The guardian (监护人) and the parents, with whatever numbers intake holds.
    public var guardian: Contact?
    public var parents: [Contact]
    public var exited: Bool

    public init(childId: String, name: String, villageCode: String, schoolId: String?, guardian: Contact? = nil,
                parents: [Contact] = [], exited: Bool = false) {
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

/// A mentor (帮扶责任人) as the directory knows them from `MentorRegistered`.
public struct MentorFacts: Sendable, Hashable {
    public var mentorId: String
    public var contact: Contact

    public init(mentorId: String, contact: Contact) {
        self.mentorId = mentorId
        self.contact = contact
    }
}
