import ShouhuEvents

/// Computes when each duty towards a paired child is next due. Pure: the store calls it again
/// whenever what it depends on changes (a contact, the tier, the pairing, an escalation), so due
/// dates follow the data.
public enum ObligationSchedule {
    /// The next instance of every duty.
    public static func all(for input: ScheduleInput, policy: MentoringPolicy) -> [DueDate] {
        Obligation.allCases.map { due($0, for: input, policy: policy) }
    }

    /// The next instance of one duty.
    ///
    /// - Home visit: the interval of the tier after the last visit (or after `since`, whichever
    ///   is later); an escalation not yet followed by a visit brings it forward to
    ///   `escalationVisitDays` after the escalation, never later than it already was.
    /// - Parent report: calendar months after the last report (or `since`); a month end is
    ///   clamped (01-31 plus one month is 02-28).
    /// - Term check: the end of the first term that ends on or after `since` and after the term
    ///   of the last check.
    public static func due(_ obligation: Obligation, for input: ScheduleInput, policy: MentoringPolicy) -> DueDate {
        let last = input.lastDone(obligation)
        let base = max(input.since, last ?? input.since)
        // A contact counts towards one instance only: the next one counts from the day after.
        let countsFrom = max(input.since, last?.adding(days: 1) ?? input.since)
        switch obligation {
        case .homeVisit:
            var dueOn = base.adding(days: policy.homeVisitDays(for: input.tier))
            if let escalatedOn = input.escalatedOn, (input.lastHomeVisit.map { $0 < escalatedOn } ?? true) {
                dueOn = min(dueOn, max(escalatedOn, input.since).adding(days: policy.escalationVisitDays))
            }
            return DueDate(obligation: .homeVisit, countsFrom: countsFrom, dueOn: dueOn)
        case .parentReport:
            return DueDate(obligation: .parentReport, countsFrom: countsFrom, dueOn: base.adding(months: policy.parentReportMonths))
        case .termCheck:
            var from = input.since
            if let last = input.lastTermCheck {
                from = max(from, policy.terms.term(endingOnOrAfter: last).upperBound.adding(days: 1))
            }
            let term = policy.terms.term(endingOnOrAfter: from)
            return DueDate(obligation: .termCheck, countsFrom: from, dueOn: term.upperBound)
        }
    }
}
