import GRDB
import Logging
import MentoringDomain
import ShouhuEvents

/// Who is paired with a child now.
struct CurrentPairing: Sendable {
    var mentorId: String
    var role: MentorRole
    var source: String
    var startedOn: CalendarDate
}

extension MentoringStore {
    /// The pairings of a child that have not ended.
    static func currentPairings(of childId: String, _ db: Database) throws -> [CurrentPairing] {
        try Row.fetchAll(
            db.cachedStatement(sql: """
                SELECT mentorId, role, source, startedOn FROM pairing
                WHERE childId = ? AND endedOn IS NULL ORDER BY startedOn, id
                """), arguments: [childId]
        ).map { CurrentPairing(mentorId: $0["mentorId"], role: $0["role"], source: $0["source"], startedOn: $0["startedOn"]) }
    }

    /// Active mentors with room who could serve a child at this school or in this township (two
    /// indexed lookups: an OR would scan the whole registry for every child).
    static func candidates(near child: ChildRecord, _ db: Database) throws -> [MentorCandidate] {
        try Row.fetchAll(
            db.cachedStatement(sql: """
                SELECT id, role, schoolId, divisionCode, caseload, capacity FROM mentor
                WHERE schoolId = ? AND active = 1 AND caseload < capacity
                UNION
                SELECT id, role, schoolId, divisionCode, caseload, capacity FROM mentor
                WHERE townshipCode = ? AND active = 1 AND caseload < capacity
                """), arguments: [child.schoolId, child.townshipCode]
        ).map {
            MentorCandidate(id: $0["id"], role: $0["role"], schoolId: $0["schoolId"], divisionCode: $0["divisionCode"],
                            caseload: $0["caseload"], capacity: $0["capacity"])
        }
    }

    /// Auto-pairing: fills what the child's pairing lacks (a mentor; for the key tier a cadre and
    /// a teacher) from mentors with room, records what stays unmet, and computes the due dates
    /// again. Does nothing for a child who left.
    ///
    /// - Parameter excluding: mentors not to pick (one whose pairing was just ended by hand).
    func settlePairing(of childId: String, excluding: Set<String> = [], reason: String, in change: Change) throws {
        guard var child = try ChildRecord.fetch(childId, change.db), child.isActive else { return }
        var current = try Self.currentPairings(of: childId, change.db)
        let plan = PairingPlanner.plan(
            for: PairingPlanner.Child(tier: child.tier, schoolId: child.schoolId, villageCode: child.villageCode),
            current: current.map(\.role), currentIds: Set(current.map(\.mentorId)),
            candidates: try Self.candidates(near: child, change.db), excluding: excluding)
        let roles = current.map(\.role) + plan.assignments.map(\.role)
        for mentor in plan.assignments {
            try insertPairing(child: childId, mentorId: mentor.id, role: mentor.role, source: "auto", in: change)
            try change.emit(MentorAssigned(
                childId: childId, mentorId: mentor.id, role: mentor.role, pairing: PairingPlanner.kind(of: roles)))
            current.append(CurrentPairing(mentorId: mentor.id, role: mentor.role, source: "auto", startedOn: change.today))
        }
        try recordNeeds(of: &child, roles: roles, in: change)
        try refreshObligations(of: child, reason: plan.assignments.isEmpty ? reason : "pairing_changed", in: change)
    }

    /// Writes what the child still lacks and since when, and since when the child is paired.
    func recordNeeds(of child: inout ChildRecord, roles: [MentorRole], in change: Change) throws {
        let unmet = PairingNeed.missing(tier: child.tier, current: roles)
        let unpairedSince = unmet.isEmpty ? nil : (child.unpairedSince ?? change.today)
        let pairedSince = roles.isEmpty ? nil : (child.pairedSince ?? change.today)
        if !unmet.isEmpty, child.unmetNeeds != unmet {
            // Never a silent gap: the township's unpaired list shows the child from now on.
            change.logger.warning("child left without the mentors the tier needs", metadata: [
                "child": "\(child.id)", "township": "\(child.townshipCode)",
                "needs": "\(unmet.map(\.rawValue).joined(separator: ","))",
            ])
        }
        try change.db.execute(
            sql: "UPDATE child SET unmetNeeds = ?, unpairedSince = ?, pairedSince = ? WHERE id = ?",
            arguments: [ChildRecord.text(of: unmet), unpairedSince, pairedSince, child.id])
        child.unmetNeeds = unmet
        child.unpairedSince = unpairedSince
        child.pairedSince = pairedSince
    }

    /// Inserts a current pairing (the trigger counts it in the mentor's caseload).
    func insertPairing(child: String, mentorId: String, role: MentorRole, source: String, in change: Change) throws {
        try change.db.execute(
            sql: "INSERT INTO pairing (childId, mentorId, role, source, startedOn) VALUES (?, ?, ?, ?, ?)",
            arguments: [child, mentorId, role, source, change.today])
    }

    /// Ends a current pairing with a reason code and emits `MentorUnassigned`. Returns false
    /// when there was no such pairing.
    @discardableResult
    func endPairing(child: String, mentorId: String, reason: String, note: String? = nil, in change: Change) throws -> Bool {
        try change.db.execute(
            sql: """
                UPDATE pairing SET endedOn = ?, endReason = ?, endNote = ?
                WHERE childId = ? AND mentorId = ? AND endedOn IS NULL
                """, arguments: [change.today, reason, note, child, mentorId])
        guard change.db.changesCount > 0 else { return false }
        try change.emit(MentorUnassigned(childId: child, mentorId: mentorId, reason: reason))
        return true
    }

    /// Pairs waiting children of a mentor's school or township with the mentor while the mentor
    /// has room (after registration, reactivation, a larger capacity or a move).
    func pairWaitingChildren(for mentorId: String, in change: Change) throws {
        guard let mentor = try MentorRecord.fetch(mentorId, change.db), mentor.active else { return }
        let waiting = try String.fetchAll(
            change.db,
            sql: """
                SELECT id FROM child WHERE unmetNeeds IS NOT NULL AND exitedOn IS NULL
                AND ((? IS NOT NULL AND schoolId = ?) OR townshipCode = ?)
                ORDER BY unpairedSince, id LIMIT 500
                """,
            arguments: [mentor.schoolId, mentor.schoolId, MentorRecord.township(of: mentor.divisionCode)])
        for childId in waiting {
            guard let now = try MentorRecord.fetch(mentorId, change.db), now.caseload < now.capacity else { return }
            try settlePairing(of: childId, reason: "pairing_changed", in: change)
        }
    }
}
