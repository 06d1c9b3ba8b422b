import ShouhuEvents

/// When a due reassessment (复评) becomes overdue, a county setting. "Overdue" is derived from
/// the due date and today each time it is asked, never stored (domain.md: a status that is
/// stored goes stale).
///
/// The seeds set no number of days. The defaults are this service's choice for a county bureau:
/// a term's reassessment within its first 30 days (the seed's survey ran its course in about two
/// weeks per level, 篇二: villages by June 23, communities by June 25), and a reassessment after
/// an incident within 7 days, since a visit has already found the child in trouble.
public struct OverduePolicy: Sendable, Hashable {
    /// Days after a term's reassessment falls due before it counts as overdue.
    public var termGraceDays: Int
    /// Days after an incident before the reassessment it calls for counts as overdue.
    public var incidentGraceDays: Int

    /// 30 days for a term, 7 after an incident.
    public static let standard = OverduePolicy()

    /// Makes a policy; the defaults are 30 and 7 days.
    public init(termGraceDays: Int = 30, incidentGraceDays: Int = 7) {
        self.termGraceDays = termGraceDays
        self.incidentGraceDays = incidentGraceDays
    }

    /// The last day a due reassessment is on time.
    public func deadline(for need: ReassessmentNeed) -> CalendarDate {
        need.dueOn.adding(days: need.why == .incident ? incidentGraceDays : termGraceDays)
    }

    /// Whether a due reassessment is overdue today: its deadline has passed.
    public func isOverdue(_ need: ReassessmentNeed, today: CalendarDate) -> Bool {
        deadline(for: need) < today
    }
}
