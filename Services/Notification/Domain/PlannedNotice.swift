/// Who a notice is for, which decides how it is addressed and who may read it.
public enum Audience: String, Codable, Sendable, Hashable {
    /// A child's mentor (帮扶责任人), addressed by mentor id.
    case mentor
    /// An officer with a standing subscription, addressed by their login subject.
    case officer
    /// A parent working away, addressed as `parent:<childId>:<father|mother>`; reached by SMS.
    case parent
}

/// One notice for one person, decided by the rules and rendered: the inbox entry and the
/// channels it goes out on.
public struct PlannedNotice: Sendable, Hashable {
    /// The inbox address: a mentor id or an officer's login subject.
    public var recipient: String
    public var audience: Audience
    public var contact: Contact
    public var kind: NoticeKind
    public var urgent: Bool
    /// Always includes the inbox; SMS and e-mail only when configured and reachable.
    public var channels: [Channel]
    public var message: RenderedMessage
    /// The child the notice is about, if any (for scoping and the digest).
    public var childId: String?

    public init(recipient: String, audience: Audience, contact: Contact, kind: NoticeKind, urgent: Bool,
                channels: [Channel], message: RenderedMessage, childId: String?) {
        self.recipient = recipient
        self.audience = audience
        self.contact = contact
        self.kind = kind
        self.urgent = urgent
        self.channels = channels
        self.message = message
        self.childId = childId
    }
}
