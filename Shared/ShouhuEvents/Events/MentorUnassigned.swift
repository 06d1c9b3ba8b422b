/// A pairing of a mentor with a child ended (解除结对), with a machine-readable reason that
/// notification turns into words.
public struct MentorUnassigned: Event {
    public static let routingKey = "mentor.unassigned"
    public static let producer = ServiceName.mentoring
    public static let consumers: Set<ServiceName> = [.notification]
    public static let version = 1

    /// The reasons the mentoring service gives today. `reason` stays an open snake_case code,
    /// so a new reason does not break older consumers.
    public enum KnownReason: String, Sendable, CaseIterable, Hashable {
        /// The child left the programme.
        case childExited = "child_exited"
        /// The mentor was deactivated (left the school, retired).
        case mentorDeactivated = "mentor_deactivated"
        /// An officer ended the pairing by hand.
        case byHand = "by_hand"
        /// The mentor's caseload was over capacity and the child was moved.
        case capacity
        /// The child's tier changed and the pairing was rebuilt.
        case tierChanged = "tier_changed"
    }

    /// The child, a lowercase UUID.
    public var childId: String
    /// The mentor, a lowercase UUID.
    public var mentorId: String
    /// Why, as a snake_case code (see `KnownReason`).
    public var reason: String

    /// Makes the event with any reason code.
    public init(childId: String, mentorId: String, reason: String) {
        self.childId = childId
        self.mentorId = mentorId
        self.reason = reason
    }

    /// Makes the event with one of the known reasons.
    public init(childId: String, mentorId: String, reason: KnownReason) {
        self.init(childId: childId, mentorId: mentorId, reason: reason.rawValue)
    }

    /// The reason as a known value, or nil for a code this version does not know.
    public var knownReason: KnownReason? { KnownReason(rawValue: reason) }

    /// Checks the ids and that the reason is a snake_case code.
    public func validate() throws(EventValidationError) {
        try Check.uuid(childId, "childId")
        try Check.uuid(mentorId, "mentorId")
        try Check.code(reason, "reason")
    }
}
