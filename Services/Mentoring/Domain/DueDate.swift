import ShouhuEvents

/// One instance of a duty: from which day a contact counts towards it, and the day it is due.
public struct DueDate: Sendable, Hashable {
    /// Which duty.
    public var obligation: Obligation
    /// A contact made on or after this day discharges it.
    public var countsFrom: CalendarDate
    /// The last day it may be done without being overdue.
    public var dueOn: CalendarDate

    /// Makes a due date.
    public init(obligation: Obligation, countsFrom: CalendarDate, dueOn: CalendarDate) {
        self.obligation = obligation
        self.countsFrom = countsFrom
        self.dueOn = dueOn
    }
}
