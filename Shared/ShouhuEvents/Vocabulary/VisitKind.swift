/// A kind of contact a mentor records with or about a child.
public enum VisitKind: String, Codable, Sendable, CaseIterable, Hashable {
    /// Home visit (家访).
    case homeVisit = "home_visit"
    /// A talk at school (谈心).
    case schoolTalk = "school_talk"
    /// Phone or video call with the parents (亲情连线).
    case parentCall = "parent_call"
    /// The monthly report to the parents working away.
    case parentReport = "parent_report"
    /// Meeting with the guardian (监护人会议).
    case guardianMeeting = "guardian_meeting"
    /// The termly check: one visit, one act of help, one information check (seed 000 篇九).
    case termCheck = "term_check"
    /// A letter (书信).
    case letter
}

/// A recurring duty a mentor owes a child; a missed one becomes `VisitOverdue`.
public enum Obligation: String, Codable, Sendable, CaseIterable, Hashable {
    case homeVisit = "home_visit"
    case parentReport = "parent_report"
    case termCheck = "term_check"
}

/// Written and read by the fast codec as its raw value.
extension VisitKind: WireStringEnum {}

/// Written and read by the fast codec as its raw value.
extension Obligation: WireStringEnum {}
