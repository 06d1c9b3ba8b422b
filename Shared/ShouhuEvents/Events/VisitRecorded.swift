/// A mentor recorded a contact with or about a child (家访, 谈心, 亲情连线, ...), with any
/// concerns found and whether the mentor reported a problem upward (上报). Assessment reads it
/// to schedule a reassessment after an incident; notification relays a monthly report
/// (`parent_report`) to the parents working away.
public struct VisitRecorded: Event {
    public static let routingKey = "visit.recorded"
    public static let producer = ServiceName.mentoring
    public static let consumers: Set<ServiceName> = [.assessment, .notification]
    public static let version = 1

    /// The child, a lowercase UUID.
    public var childId: String
    /// This visit, a lowercase UUID.
    public var visitId: String
    /// The mentor who made it, a lowercase UUID.
    public var mentorId: String
    /// What kind of contact.
    public var kind: VisitKind
    /// The day it was made.
    public var on: CalendarDate
    /// Concerns noted, each up to 200 characters; empty when there were none.
    public var concerns: [String]
    /// Whether the mentor reported a problem they could not solve upward (不能解决的及时上报).
    public var escalated: Bool

    /// Makes the event.
    public init(
        childId: String, visitId: String, mentorId: String, kind: VisitKind, on: CalendarDate,
        concerns: [String] = [], escalated: Bool = false
    ) {
        self.childId = childId
        self.visitId = visitId
        self.mentorId = mentorId
        self.kind = kind
        self.on = on
        self.concerns = concerns
        self.escalated = escalated
    }

    /// Checks the ids and that each concern is non-blank text.
    public func validate() throws(EventValidationError) {
        try Check.uuid(childId, "childId")
        try Check.uuid(visitId, "visitId")
        try Check.uuid(mentorId, "mentorId")
        for (index, concern) in concerns.enumerated() {
            try Check.text(concern, "concerns[\(index)]", max: 200)
        }
    }
}
