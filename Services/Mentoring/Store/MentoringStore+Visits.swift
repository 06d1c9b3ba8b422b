import Foundation
import GRDB
import MentoringDomain
import ShouhuEvents
import ShouhuService

extension MentoringStore {
    /// Records a contact with or about a child, emits `VisitRecorded`, marks the duty it
    /// discharges as done and computes the next due date.
    ///
    /// The mentor must have been paired with the child on the day of the contact; the day may not
    /// be after today nor before the child was registered.
    func recordVisit(_ draft: VisitView, in change: Change) throws {
        let childId = draft.childId
        guard var child = try ChildRecord.fetch(childId, change.db) else { throw APIError.notFound("No child \(childId).") }
        guard child.isActive else {
            throw APIError.unprocessable("The child has left the programme.", code: "child_exited")
        }
        guard draft.on <= change.today else {
            throw APIError.unprocessable("`on` is after today (\(change.today)).", code: "visit_in_future", field: "on")
        }
        guard draft.on >= child.registeredOn else {
            throw APIError.unprocessable(
                "`on` is before the child was registered (\(child.registeredOn)).", code: "visit_before_registration", field: "on")
        }
        let paired = try Bool.fetchOne(
            change.db,
            sql: """
                SELECT EXISTS (SELECT 1 FROM pairing WHERE childId = ? AND mentorId = ? AND startedOn <= ?
                AND (endedOn IS NULL OR endedOn >= ?))
                """, arguments: [childId, draft.mentorId, draft.on, draft.on]) ?? false
        guard paired else {
            throw APIError.unprocessable(
                "The mentor was not paired with this child on \(draft.on).", code: "mentor_not_paired", field: "mentorId")
        }
        let concerns = try JSONEncoder().encode(draft.concerns)
        try change.db.execute(
            sql: """
                INSERT INTO visit (id, childId, mentorId, kind, madeOn, findings, concerns, helpGiven, escalated,
                escalationNote, recordedBy, recordedByRole, recordedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                draft.id, childId, draft.mentorId, draft.kind, draft.on, draft.findings, String(decoding: concerns, as: UTF8.self),
                draft.helpGiven, draft.escalated, draft.escalationNote, draft.recordedBy, draft.recordedByRole,
                change.now.timeIntervalSince1970,
            ])
        try change.emit(VisitRecorded(
            childId: childId, visitId: draft.id, mentorId: draft.mentorId, kind: draft.kind, on: draft.on,
            concerns: draft.concerns, escalated: draft.escalated))
        guard let obligation = draft.kind.fulfils else { return }
        try fulfil(obligation, of: childId, by: draft.id, on: draft.on, in: change)
        let column: String
        switch obligation {
        case .homeVisit: column = "lastHomeVisitOn"
        case .parentReport: column = "lastParentReportOn"
        case .termCheck: column = "lastTermCheckOn"
        }
        try change.db.execute(
            sql: "UPDATE child SET \(column) = max(coalesce(\(column), ''), ?) WHERE id = ?", arguments: [draft.on, childId])
        if obligation == .homeVisit, let escalatedOn = child.escalatedOn, draft.on >= escalatedOn {
            try change.db.execute(sql: "UPDATE child SET escalatedOn = NULL WHERE id = ?", arguments: [childId])
        }
        child = try ChildRecord.fetch(childId, change.db)!
        try refreshObligations(of: child, reason: "visit_recorded", in: change)
    }
}
