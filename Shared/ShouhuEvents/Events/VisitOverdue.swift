/// A duty towards a child was not done by its due date (逾期): a home visit, the monthly report
/// to the parents, or the termly check. Notification alerts the mentors; supervision (督查)
/// reads the rates.
public struct VisitOverdue: Event {
    public static let routingKey = "visit.overdue"
    public static let producer = ServiceName.mentoring
    public static let consumers: Set<ServiceName> = [.notification]
    public static let version = 1

    /// The child, a lowercase UUID.
    public var childId: String
    /// The mentors who owe the duty, lowercase UUIDs, at least one, no repeats.
    public var mentorIds: [String]
    /// Which duty.
    public var obligation: Obligation
    /// The day it was due.
    public var dueOn: CalendarDate
    /// Whole days past `dueOn`, at least 1.
    public var daysOverdue: Int
    /// The child's care tier, which sets the visit interval.
    public var tier: CareTier

    /// Makes the event.
    public init(
        childId: String, mentorIds: [String], obligation: Obligation, dueOn: CalendarDate,
        daysOverdue: Int, tier: CareTier
    ) {
        self.childId = childId
        self.mentorIds = mentorIds
        self.obligation = obligation
        self.dueOn = dueOn
        self.daysOverdue = daysOverdue
        self.tier = tier
    }

    /// Checks the ids, that there is a mentor and none twice, and that it is really overdue.
    public func validate() throws(EventValidationError) {
        try Check.uuid(childId, "childId")
        try Check.nonEmpty(mentorIds, "mentorIds")
        for (index, mentorId) in mentorIds.enumerated() {
            try Check.uuid(mentorId, "mentorIds[\(index)]")
        }
        try Check.unique(mentorIds, "mentorIds")
        try Check.that(daysOverdue >= 1, "daysOverdue", "must be 1 or more, got \(daysOverdue)")
    }

    private enum CodingKeys: String, CodingKey {
        case childId, mentorIds, obligation, dueOn, daysOverdue, tier
    }

    /// Reads the payload; a day count that is not whole or does not fit is reported at its key.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        childId = try container.decode(String.self, forKey: .childId)
        mentorIds = try container.decode([String].self, forKey: .mentorIds)
        obligation = try container.decode(Obligation.self, forKey: .obligation)
        dueOn = try container.decode(CalendarDate.self, forKey: .dueOn)
        daysOverdue = try container.decodeInteger(Int.self, forKey: .daysOverdue)
        tier = try container.decode(CareTier.self, forKey: .tier)
    }
}
