import GRDB
import MentoringDomain
import ShouhuEvents
import ShouhuStore

/// The child is not known yet: an event about a child arrived before `child.registered`.
/// Thrown as a transient error, so the broker delivers it again once registration has caught up.
struct ChildNotYetKnown: Error, CustomStringConvertible {
    let childId: String
    var description: String { "child \(childId) is not registered here yet" }
}

extension MentoringStore {
    /// `child.registered`: adds the child (general tier unless an assessment came first) and
    /// pairs them. A repeat refreshes the place and name and pairs again if needed.
    func register(_ event: ChildRegistered, in change: Change) throws {
        let township = String(event.villageCode.prefix(9))
        if let existing = try ChildRecord.fetch(event.childId, change.db) {
            try change.db.execute(
                sql: "UPDATE child SET name = ?, villageCode = ?, townshipCode = ?, schoolId = ? WHERE id = ?",
                arguments: [event.name, event.villageCode, township, event.schoolId, event.childId])
            try releaseMentorsOutOfReach(of: existing.id, in: change)
            try settlePairing(of: event.childId, reason: "child_moved", in: change)
            return
        }
        let assessed = try Row.fetchOne(
            change.db, sql: "SELECT tier, careLevel FROM child_assessment WHERE childId = ?", arguments: [event.childId])
        try change.db.execute(
            sql: """
                INSERT INTO child (id, name, villageCode, townshipCode, schoolId, registeredOn, tier, careLevel, tierSince)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                event.childId, event.name, event.villageCode, township, event.schoolId, event.registeredOn,
                (assessed?["tier"] as CareTier?) ?? CareTier.general, assessed?["careLevel"] as Int?, change.today,
            ])
        try settlePairing(of: event.childId, reason: "pairing_changed", in: change)
    }

    /// `child.updated`: keeps the name, village and school current; a move to another school or
    /// township ends the automatic pairings that no longer reach the child and pairs again.
    func update(_ event: ChildUpdated, in change: Change) throws {
        guard try ChildRecord.fetch(event.childId, change.db) != nil else { throw ChildNotYetKnown(childId: event.childId) }
        if let name = event.name {
            try change.db.execute(sql: "UPDATE child SET name = ? WHERE id = ?", arguments: [name, event.childId])
        }
        if let village = event.villageCode {
            try change.db.execute(
                sql: "UPDATE child SET villageCode = ?, townshipCode = ? WHERE id = ?",
                arguments: [village, String(village.prefix(9)), event.childId])
        }
        if event.isChanged(.schoolId) {
            try change.db.execute(sql: "UPDATE child SET schoolId = ? WHERE id = ?", arguments: [event.schoolId, event.childId])
        }
        if event.isChanged(.villageCode) || event.isChanged(.schoolId) {
            try releaseMentorsOutOfReach(of: event.childId, in: change)
            try settlePairing(of: event.childId, reason: "child_moved", in: change)
        }
    }

    /// Ends automatic pairings whose mentor no longer serves the child's school or township
    /// (pairings made by hand stay: an officer chose them).
    func releaseMentorsOutOfReach(of childId: String, in change: Change) throws {
        guard let child = try ChildRecord.fetch(childId, change.db) else { return }
        let child12 = PairingPlanner.Child(tier: child.tier, schoolId: child.schoolId, villageCode: child.villageCode)
        for pairing in try Self.currentPairings(of: childId, change.db) where pairing.source == "auto" {
            guard let mentor = try MentorRecord.fetch(pairing.mentorId, change.db) else { continue }
            if !PairingPlanner.canServe(mentor.candidate, child12) {
                try endPairing(child: childId, mentorId: pairing.mentorId, reason: "child_moved", in: change)
            }
        }
    }

    /// `child.exited`: the child leaves the programme; every pairing ends and every duty stops.
    func exit(_ event: ChildExited, in change: Change) throws {
        guard var child = try ChildRecord.fetch(event.childId, change.db) else { throw ChildNotYetKnown(childId: event.childId) }
        guard child.isActive else { return }
        try change.db.execute(
            sql: "UPDATE child SET exitedOn = ?, exitReason = ?, unmetNeeds = NULL, unpairedSince = NULL WHERE id = ?",
            arguments: [event.on, event.reason.rawValue, event.childId])
        for pairing in try Self.currentPairings(of: event.childId, change.db) {
            try endPairing(child: event.childId, mentorId: pairing.mentorId, reason: MentorUnassigned.KnownReason.childExited.rawValue,
                           in: change)
        }
        child.exitedOn = event.on
        try refreshObligations(of: child, reason: "child_exited", in: change)
    }

    /// `assessment.recorded`: keeps the newest assessment; a change of tier pairs again (a key
    /// child needs a cadre and a teacher) and computes the due dates again from today.
    func assess(_ event: AssessmentRecorded, in change: Change) throws {
        let newest = try CalendarDate.fetchOne(
            change.db, sql: "SELECT assessedOn FROM child_assessment WHERE childId = ?", arguments: [event.childId])
        if let newest, newest > event.assessedOn { return }
        try change.db.execute(
            sql: "INSERT OR REPLACE INTO child_assessment (childId, assessmentId, tier, careLevel, assessedOn) VALUES (?, ?, ?, ?, ?)",
            arguments: [event.childId, event.assessmentId, event.tier, event.careLevel, event.assessedOn])
        guard let child = try ChildRecord.fetch(event.childId, change.db), child.isActive else { return }
        if child.tier == event.tier {
            try change.db.execute(sql: "UPDATE child SET careLevel = ? WHERE id = ?", arguments: [event.careLevel, child.id])
            return
        }
        try change.db.execute(
            sql: "UPDATE child SET tier = ?, careLevel = ?, tierSince = ? WHERE id = ?",
            arguments: [event.tier, event.careLevel, change.today, child.id])
        try settlePairing(of: child.id, reason: "tier_changed", in: change)
    }

    /// `risk.escalated`: a home visit is owed within a few days (or sooner if one was due sooner).
    func escalate(_ event: RiskEscalated, in change: Change) throws {
        guard var child = try ChildRecord.fetch(event.childId, change.db), child.isActive else { return }
        try change.db.execute(sql: "UPDATE child SET escalatedOn = ? WHERE id = ?", arguments: [change.today, child.id])
        child.escalatedOn = change.today
        try refreshObligations(of: child, reason: "risk_escalated", in: change)
    }
}
