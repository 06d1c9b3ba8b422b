/// A mentor was paired with a child (结对帮扶), by hand or automatically for a key-tier child.
public struct MentorAssigned: Event {
    public static let routingKey = "mentor.assigned"
    public static let producer = ServiceName.mentoring
    public static let consumers: Set<ServiceName> = [.notification]
    public static let version = 1

    /// The child, a lowercase UUID.
    public var childId: String
    /// The mentor, a lowercase UUID.
    public var mentorId: String
    /// The mentor's role in this pairing.
    public var role: MentorRole
    /// How the child is now paired: one-on-one, two-on-one (key tier: a cadre and a teacher)
    /// or many-on-one.
    public var pairing: PairingKind

    /// Makes the event.
    public init(childId: String, mentorId: String, role: MentorRole, pairing: PairingKind) {
        self.childId = childId
        self.mentorId = mentorId
        self.role = role
        self.pairing = pairing
    }

    /// Checks the ids.
    public func validate() throws(EventValidationError) {
        try Check.uuid(childId, "childId")
        try Check.uuid(mentorId, "mentorId")
    }
}
