/// A child left the programme (退出): aged out, a parent came home and can guard, moved out of
/// the county, died, or another reason. The ledger keeps the child; other services stop
/// pairing, visiting, paying and reminding.
public struct ChildExited: Event {
    public static let routingKey = "child.exited"
    public static let producer = ServiceName.intake
    public static let consumers: Set<ServiceName> = [.assessment, .mentoring, .funding, .notification]
    public static let version = 1

    /// The child, a lowercase UUID.
    public var childId: String
    /// Why the child left.
    public var reason: ExitReason
    /// The day the child left.
    public var on: CalendarDate
    /// A remark from the officer, up to 500 characters, line breaks allowed.
    public var note: String?

    /// Makes the event.
    public init(childId: String, reason: ExitReason, on: CalendarDate, note: String? = nil) {
        self.childId = childId
        self.reason = reason
        self.on = on
        self.note = note
    }

    /// Checks the id and the note.
    public func validate() throws(EventValidationError) {
        try Check.uuid(childId, "childId")
        if let note { try Check.text(note, "note", max: 500, newlines: true) }
    }

    private enum CodingKeys: String, CodingKey {
        case childId, reason, on, note
    }

    /// Writes every field, an absent note as `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(childId, forKey: .childId)
        try container.encode(reason, forKey: .reason)
        try container.encode(on, forKey: .on)
        try container.encode(note, forKey: .note)
    }
}
