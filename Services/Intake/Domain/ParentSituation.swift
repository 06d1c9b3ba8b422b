import ShouhuEvents

/// What the left-behind definition needs to know about one parent (父母动态): which parent,
/// their status, and since when that status holds (for a parent working away, the day they left).
public struct ParentSituation: Sendable, Hashable {
    /// Father or mother.
    public var role: ParentRole
    /// Working away, at home, deceased, disabled or ill, or unknown.
    public var status: ParentStatus
    /// Since when the status holds; for a parent working away, the day they left (外出时间).
    public var since: CalendarDate?

    /// Makes a parent's situation.
    public init(role: ParentRole, status: ParentStatus, since: CalendarDate? = nil) {
        self.role = role
        self.status = status
        self.since = since
    }
}
