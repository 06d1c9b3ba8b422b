import ShouhuEvents

/// A child's due reassessment: why, since when, and the term it belongs to. Its fields map onto
/// `ReassessmentDue` (dueOn, why).
public struct ReassessmentNeed: Sendable, Hashable {
    /// Term or incident; an incident wins when both hold, being the more urgent.
    public let why: ReassessmentTrigger
    /// Since when it is due: the incident's day, or the first day of the term not yet covered.
    public let dueOn: CalendarDate
    /// The current term, or the most recent one when today is in a holiday.
    public let term: Term

    /// Makes a need; `ReassessmentSchedule.need` is the way to find one.
    public init(why: ReassessmentTrigger, dueOn: CalendarDate, term: Term) {
        self.why = why
        self.dueOn = dueOn
        self.term = term
    }
}
