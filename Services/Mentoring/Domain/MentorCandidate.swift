import ShouhuEvents

/// A mentor as auto-pairing sees them: where they belong, how many children they have and may
/// have, and whether they are still active.
public struct MentorCandidate: Sendable, Hashable {
    /// The mentor's id.
    public var id: String
    /// Teacher, cadre or volunteer.
    public var role: MentorRole
    /// The mentor's school, if any.
    public var schoolId: String?
    /// The division the mentor serves (6, 9 or 12 digits), if any.
    public var divisionCode: String?
    /// Children paired with the mentor now.
    public var caseload: Int
    /// How many children the mentor may have.
    public var capacity: Int
    /// False once deactivated (left the school, retired).
    public var active: Bool

    /// Makes a candidate.
    public init(
        id: String, role: MentorRole, schoolId: String? = nil, divisionCode: String? = nil, caseload: Int = 0,
        capacity: Int, active: Bool = true
    ) {
        self.id = id
        self.role = role
        self.schoolId = schoolId
        self.divisionCode = divisionCode
        self.caseload = caseload
        self.capacity = capacity
        self.active = active
    }

    /// Whether the mentor can take one more child.
    public var hasRoom: Bool { active && caseload < capacity }
}
