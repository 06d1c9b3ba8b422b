import ShouhuEvents

extension VisitKind {
    /// The duty a contact of this kind discharges, if any: a home visit the home-visit duty; a
    /// report to the parents or a call with them (亲情连线, where the mentor tells them how the
    /// child is doing) the monthly parent report; a term check the termly check. A talk at
    /// school, a guardian meeting or a letter is recorded and counted but owes nothing.
    public var fulfils: Obligation? {
        switch self {
        case .homeVisit: .homeVisit
        case .parentReport, .parentCall: .parentReport
        case .termCheck: .termCheck
        case .schoolTalk, .guardianMeeting, .letter: nil
        }
    }
}
