import AssessmentDomain
import Foundation
import GRDB
import ShouhuEvents
import ShouhuStore

/// Emits `ReassessmentDue` (复评提醒): once per incident, once per child and term. Each notice is
/// marked in the same transaction as its outbox row, so a restart neither repeats nor forgets
/// one; a child who has left the programme is never reminded, and an incident that an
/// assessment already answered calls for nothing.
struct ReassessmentNotices {
    let schedule: ReassessmentSchedule
    let county: String
    let outbox: Outbox

    /// Notifies every waiting incident of active, registered children that no assessment has
    /// answered; with `childId`, only that child's. Returns how many it sent.
    func incidents(_ db: Database, now: Date, childId: String? = nil) throws -> Int {
        var sql = """
            SELECT i.visitId, i.childId, i.occurredOn FROM incident i
            JOIN child c ON c.childId = i.childId
            LEFT JOIN risk r ON r.childId = i.childId
            WHERE i.notifiedAt IS NULL AND i.answeredBy IS NULL AND c.registered = 1 AND c.exitedOn IS NULL
              AND (r.assessedOn IS NULL OR r.assessedOn < i.occurredOn)
            """
        var arguments: StatementArguments = []
        if let childId {
            sql += " AND i.childId = ?"
            arguments = [childId]
        }
        let rows = try Row.fetchAll(db, sql: sql + " ORDER BY i.occurredOn, i.visitId", arguments: arguments)
        for row in rows {
            let visitId: String = row["visitId"]
            let envelope = Envelope(
                id: EventID.next(at: now), occurredAt: now, county: county,
                payload: ReassessmentDue(
                    childId: row["childId"], dueOn: try AssessmentRecord.date(row["occurredOn"]), why: .incident,
                    incidentVisitId: visitId))
            try outbox.append(envelope, in: db)
            try db.execute(
                sql: "UPDATE incident SET notifiedAt = ?, notificationEventId = ? WHERE visitId = ?",
                arguments: [now.timeIntervalSince1970, envelope.id, visitId])
        }
        return rows.count
    }

    /// Reminds each active, registered child not assessed since the current term began (or ever),
    /// once for the term. Returns how many it sent.
    func terms(_ db: Database, now: Date) throws -> Int {
        let today = CalendarDate(now)
        let term = schedule.currentTerm(on: today)
        let rows = try Row.fetchAll(db, sql: """
            SELECT c.childId, c.registeredOn, r.assessedOn FROM child c
            LEFT JOIN risk r ON r.childId = c.childId
            WHERE c.registered = 1 AND c.exitedOn IS NULL AND (r.assessedOn IS NULL OR r.assessedOn < ?)
              AND NOT EXISTS (SELECT 1 FROM term_reminder t WHERE t.childId = c.childId AND t.termStartsOn = ?)
            ORDER BY c.childId
            """, arguments: [term.startsOn.description, term.startsOn.description])
        let remember = try db.cachedStatement(sql: """
            INSERT INTO term_reminder (childId, termStartsOn, dueOn, eventId, sentAt) VALUES (?, ?, ?, ?, ?)
            """)
        var sent = 0
        for row in rows {
            let childId: String = row["childId"]
            let registeredOn = try (row["registeredOn"] as String?).map(AssessmentRecord.date)
            let assessedOn = try (row["assessedOn"] as String?).map(AssessmentRecord.date)
            guard
                let need = schedule.need(lastAssessedOn: assessedOn, today: today, registeredOn: registeredOn),
                need.why == .term
            else { continue }
            let envelope = Envelope(
                id: EventID.next(at: now), occurredAt: now, county: county,
                payload: ReassessmentDue(childId: childId, dueOn: need.dueOn, why: .term))
            try outbox.append(envelope, in: db)
            try remember.execute(arguments: [
                childId, term.startsOn.description, need.dueOn.description, envelope.id, now.timeIntervalSince1970,
            ])
            sent += 1
        }
        return sent
    }
}
