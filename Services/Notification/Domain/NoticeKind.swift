/// What a notice is about; the raw value is the routing key of the event behind it, which is
/// also what a standing subscription names in its `kinds`.
public enum NoticeKind: String, Codable, Sendable, CaseIterable, Hashable {
    case childRegistered = "child.registered"
    case childUpdated = "child.updated"
    case childExited = "child.exited"
    case riskEscalated = "risk.escalated"
    case reassessmentDue = "reassessment.due"
    case mentorAssigned = "mentor.assigned"
    case mentorUnassigned = "mentor.unassigned"
    /// Overdue visits, batched into one digest per mentor per day.
    case visitOverdue = "visit.overdue"
    /// A mentor's monthly report (`VisitRecorded` of kind `parent_report`), relayed to the
    /// parents working away. Other visits notify nobody.
    case parentReport = "visit.recorded"
    case disbursementApproved = "disbursement.approved"
    /// Only settlements that failed are notified.
    case disbursementSettled = "disbursement.settled"

    /// Kinds an officer may subscribe to. Overdue visits go to the mentors' daily digests (an
    /// officer sees them in mentoring's supervision report), and monthly reports go to the
    /// parents, so neither is offered here.
    public static let subscribable: [NoticeKind] = allCases.filter { $0 != .visitOverdue && $0 != .parentReport }
}
