import ShouhuEvents

/// What a child's due dates follow from: the tier, since when the present basis holds (paired,
/// or in this tier), the last time each duty was done, and a risk escalation still waiting for
/// its home visit.
public struct ScheduleInput: Sendable, Equatable {
    /// The child's care tier.
    public var tier: CareTier
    /// The later of the day the child was paired (after being unpaired) and the day the tier
    /// last changed: no duty counts from before it.
    public var since: CalendarDate
    /// The last home visit, if any.
    public var lastHomeVisit: CalendarDate?
    /// The last report to the parents, if any.
    public var lastParentReport: CalendarDate?
    /// The last termly check, if any.
    public var lastTermCheck: CalendarDate?
    /// The day of a risk escalation (风险升级), if one is on record.
    public var escalatedOn: CalendarDate?

    /// Makes the input.
    public init(
        tier: CareTier, since: CalendarDate, lastHomeVisit: CalendarDate? = nil,
        lastParentReport: CalendarDate? = nil, lastTermCheck: CalendarDate? = nil, escalatedOn: CalendarDate? = nil
    ) {
        self.tier = tier
        self.since = since
        self.lastHomeVisit = lastHomeVisit
        self.lastParentReport = lastParentReport
        self.lastTermCheck = lastTermCheck
        self.escalatedOn = escalatedOn
    }

    /// The last time a duty was done.
    public func lastDone(_ obligation: Obligation) -> CalendarDate? {
        switch obligation {
        case .homeVisit: lastHomeVisit
        case .parentReport: lastParentReport
        case .termCheck: lastTermCheck
        }
    }
}
