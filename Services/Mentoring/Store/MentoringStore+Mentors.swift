import GRDB
import MentoringDomain
import ShouhuEvents

/// A mentor's details as a registration or an update gives them, already checked.
struct MentorDraft: Sendable {
    var name: String
    var role: MentorRole
    var schoolId: String?
    var divisionCode: String?
    var phone: String
    var email: String?
    var capacity: Int
}

extension MentoringStore {
    /// Adds a mentor, emits `MentorRegistered`, and pairs children of the mentor's school or
    /// township who were waiting for one.
    func registerMentor(id: String, _ draft: MentorDraft, in change: Change) throws -> MentorRecord {
        try change.db.execute(
            sql: """
                INSERT INTO mentor (id, name, role, schoolId, divisionCode, townshipCode, phone, email, capacity, registeredOn)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id, draft.name, draft.role, draft.schoolId, draft.divisionCode, MentorRecord.township(of: draft.divisionCode),
                draft.phone, draft.email, draft.capacity, change.today,
            ])
        let mentor = try MentorRecord.fetch(id, change.db)!
        try change.emit(mentor.registeredEvent)
        try pairWaitingChildren(for: id, in: change)
        return try MentorRecord.fetch(id, change.db)!
    }

    /// Changes a mentor's details, emits `MentorRegistered` again so notification's directory
    /// stays current, and pairs waiting children if the mentor now has room or serves elsewhere.
    /// A capacity below the caseload keeps the children already paired: no child loses a mentor
    /// because a number changed.
    func updateMentor(id: String, _ draft: MentorDraft, in change: Change) throws -> MentorRecord {
        try change.db.execute(
            sql: """
                UPDATE mentor SET name = ?, role = ?, schoolId = ?, divisionCode = ?, townshipCode = ?, phone = ?,
                email = ?, capacity = ? WHERE id = ?
                """,
            arguments: [
                draft.name, draft.role, draft.schoolId, draft.divisionCode, MentorRecord.township(of: draft.divisionCode),
                draft.phone, draft.email, draft.capacity, id,
            ])
        let mentor = try MentorRecord.fetch(id, change.db)!
        try change.emit(mentor.registeredEvent)
        try pairWaitingChildren(for: id, in: change)
        return try MentorRecord.fetch(id, change.db)!
    }

    /// Deactivates a mentor (left the school, retired): every pairing ends with
    /// `mentor_deactivated`, and each of those children is paired again where a mentor has room.
    func deactivateMentor(id: String, note: String?, in change: Change) throws -> MentorRecord {
        try change.db.execute(sql: "UPDATE mentor SET active = 0, deactivatedOn = ? WHERE id = ?", arguments: [change.today, id])
        let children = try String.fetchAll(
            change.db, sql: "SELECT childId FROM pairing WHERE mentorId = ? AND endedOn IS NULL ORDER BY childId", arguments: [id])
        for childId in children {
            try endPairing(child: childId, mentorId: id, reason: MentorUnassigned.KnownReason.mentorDeactivated.rawValue,
                           note: note, in: change)
            try settlePairing(of: childId, excluding: [id], reason: "pairing_changed", in: change)
        }
        return try MentorRecord.fetch(id, change.db)!
    }
}
