import MentoringDomain
import ShouhuEvents

// What the routes answer with: plain Encodable values, dates as `YYYY-MM-DD`.

/// One open duty of a child, with whether it is overdue today (derived, never stored).
struct DutyView: Encodable, Sendable {
    var obligation: Obligation
    var dueOn: CalendarDate
    var tier: CareTier
    var overdue: Bool
    var daysOverdue: Int
    var lastAlertedOn: CalendarDate?
}

/// One pairing of a child, current or ended.
struct PairingView: Encodable, Sendable {
    var childId: String
    var mentorId: String
    var mentorName: String
    var role: MentorRole
    var source: String
    var startedOn: CalendarDate
    var endedOn: CalendarDate?
    var endReason: String?
    var endNote: String?
}

/// A child's pairings and duties as mentoring sees them.
struct ChildPairingsView: Encodable, Sendable {
    var childId: String
    var tier: CareTier
    var pairing: PairingKind?
    var unmetNeeds: [PairingNeed]
    var unpairedSince: CalendarDate?
    var current: [PairingView]
    var ended: [PairingView]
    var duties: [DutyView]
}

/// A recorded contact.
struct VisitView: Encodable, Sendable {
    var id: String
    var childId: String
    var mentorId: String
    var kind: VisitKind
    var on: CalendarDate
    var findings: String?
    var concerns: [String]
    var helpGiven: String?
    var escalated: Bool
    var escalationNote: String?
    var recordedBy: String
    var recordedByRole: String
}

/// An overdue duty in the `/visits/overdue` list.
struct OverdueView: Encodable, Sendable {
    var childId: String
    var childName: String
    var villageCode: String
    var townshipCode: String
    var schoolId: String?
    var obligation: Obligation
    var tier: CareTier
    var dueOn: CalendarDate
    var daysOverdue: Int
    var mentorIds: [String]
    var lastAlertedOn: CalendarDate?
    var alertCount: Int
}

/// A child waiting for a mentor, on the township's unpaired list.
struct UnpairedView: Encodable, Sendable {
    var childId: String
    var childName: String
    var villageCode: String
    var townshipCode: String
    var schoolId: String?
    var tier: CareTier
    var needs: [PairingNeed]
    var unpairedSince: CalendarDate
}

/// One child in a mentor's caseload.
struct CaseloadChildView: Encodable, Sendable {
    var childId: String
    var childName: String
    var villageCode: String
    var schoolId: String?
    var tier: CareTier
    var role: MentorRole
    var source: String
    var pairedOn: CalendarDate
    var duties: [DutyView]
}

/// A mentor's caseload (`GET /mentors/{id}/caseload`).
struct CaseloadView: Encodable, Sendable {
    var mentor: MentorRecord
    var room: Int
    var overdue: Int
    var children: [CaseloadChildView]
}

/// One row of the supervision report (督查): a mentor, school or township over a period.
struct SupervisionRow: Encodable, Sendable {
    var key: String?
    var name: String?
    /// Duty instances due in the period (not counting those withdrawn before their due day).
    var due: Int
    var madeOnTime: Int
    var madeLate: Int
    /// Done late plus not done after the due day.
    var overdue: Int
    /// Not done and past due (or withdrawn after falling due).
    var missed: Int
    /// Due later than today: no outcome yet.
    var pending: Int
    /// `overdue / (due - pending)`, or nil when nothing has fallen due yet.
    var overdueRate: Double?
    /// Contacts of any kind recorded in the period.
    var visitsRecorded: Int
}

/// The supervision report.
struct SupervisionReport: Encodable, Sendable {
    var level: String
    var from: CalendarDate
    var to: CalendarDate
    var asOf: CalendarDate
    var rows: [SupervisionRow]
    var total: SupervisionRow
}
