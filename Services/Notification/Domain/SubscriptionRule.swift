import ShouhuEvents

/// The role an officer subscribes as; it fixes what kind of scope the subscription takes.
public enum SubscriberRole: String, Codable, Sendable, CaseIterable, Hashable {
    /// County office (县民政局): the whole county, or a township or village within it.
    case countyOfficer = "county_officer"
    /// Township officer (乡镇): a 9-digit township code.
    case township
    /// Village officer (村): a 12-digit village code.
    case village
    /// School (学校): a school id.
    case school
    /// Funding officer: the whole county; hears about disbursements.
    case fundingOfficer = "funding_officer"
}

/// An officer's standing interest: "tell me about these kinds, in this place, on these channels".
public struct SubscriptionRule: Sendable, Hashable {
    public var id: String
    /// The officer's login subject: their inbox is addressed to it.
    public var subscriber: String
    public var role: SubscriberRole
    /// A township or village code, or nil for the whole county.
    public var division: String?
    public var schoolId: String?
    public var kinds: Set<NoticeKind>
    public var channels: Set<Channel>
    public var contact: Contact

    public init(id: String, subscriber: String, role: SubscriberRole, division: String?, schoolId: String?,
                kinds: Set<NoticeKind>, channels: Set<Channel>, contact: Contact) {
        self.id = id
        self.subscriber = subscriber
        self.role = role
        self.division = division
        self.schoolId = schoolId
        self.kinds = kinds
        self.channels = channels
        self.contact = contact
    }

    /// Whether a notice about a child at `child` (or about no child, when nil) falls in this
    /// subscription's place. A notice with no child (a disbursement batch) reaches only
    /// county-wide subscriptions.
    public func covers(_ child: ChildFacts?) -> Bool {
        guard let child else { return division == nil && schoolId == nil }
        if let schoolId { return child.schoolId == schoolId }
        if let division { return DivisionCode.contains(division, child.villageCode) }
        return true
    }

    /// Whether this is the township officer of `child`'s township (told of every urgent
    /// escalation there, whatever kinds they chose).
    public func isTownshipOfficer(of child: ChildFacts?) -> Bool {
        guard let child, role == .township, let division else { return false }
        return division == child.townshipCode
    }

    /// Checks a subscription's shape: the scope must fit the role, kinds and channels must not
    /// be empty. Returns the offending field and why, or nil.
    public static func problem(role: SubscriberRole, division: String?, schoolId: String?,
                               kinds: [NoticeKind], channels: [Channel]) -> (field: String, reason: String)? {
        if kinds.isEmpty { return ("kinds", "name at least one kind of notice") }
        if let bad = kinds.first(where: { !NoticeKind.subscribable.contains($0) }) {
            return ("kinds", "\(bad.rawValue) goes to the mentors' daily digest and cannot be subscribed to")
        }
        if channels.isEmpty { return ("channels", "name at least one channel") }
        if let division, !DivisionCode.isWellFormed(division) || division.count == 6 {
            return ("division", "must be a 9-digit township or 12-digit village code")
        }
        switch role {
        case .township:
            if division?.count != 9 || schoolId != nil { return ("division", "a township subscription needs a 9-digit township code") }
        case .village:
            if division?.count != 12 || schoolId != nil { return ("division", "a village subscription needs a 12-digit village code") }
        case .school:
            if schoolId == nil || division != nil { return ("schoolId", "a school subscription needs a school id and no division") }
        case .countyOfficer:
            if schoolId != nil { return ("schoolId", "a county officer subscribes by division, not by school") }
        case .fundingOfficer:
            if division != nil || schoolId != nil { return ("division", "a funding officer's subscription is county-wide") }
        }
        return nil
    }
}
