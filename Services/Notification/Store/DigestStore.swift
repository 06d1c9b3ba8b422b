import Foundation
import GRDB
import NotificationDomain
import ShouhuEvents

/// Overdue visits waiting for their mentor's daily digest, and the sweep that sends each
/// mentor's digest once a day.
enum DigestStore {
    /// Files an overdue obligation under each of its mentors' digest for `day`. Seen again
    /// before that digest goes out, it keeps the larger number of days overdue.
    static func collect(_ event: VisitOverdue, day: CalendarDate, in db: Database) throws {
        for mentorId in Set(event.mentorIds) {
            try db.execute(sql: """
                INSERT INTO digest_item (mentorId, digestDay, childId, obligation, dueOn, daysOverdue)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (mentorId, digestDay, childId, obligation) DO UPDATE
                    SET daysOverdue = max(daysOverdue, excluded.daysOverdue), dueOn = excluded.dueOn
                    WHERE notificationId IS NULL
                """, arguments: [mentorId, day.description, event.childId, event.obligation.rawValue,
                                 event.dueOn.description, event.daysOverdue])
        }
    }

    /// Writes every digest that is due at `now` and not yet written: one inbox entry (and SMS,
    /// e-mail) per mentor per day. Returns how many digests it wrote.
    static func sendDue(now: Date, schedule: DigestSchedule, planner: NotificationPlanner, writer: NoticeWriter,
                        in db: Database) throws -> Int {
        let today = CalendarDate(now)
        let latest = schedule.isDue(today, at: now) ? today : today.adding(days: -1)
        let groups = try Row.fetchAll(db, sql: """
            SELECT DISTINCT mentorId, digestDay FROM digest_item
            WHERE notificationId IS NULL AND digestDay <= ? ORDER BY digestDay, mentorId
            """, arguments: [latest.description])
        var written = 0
        for group in groups {
            let mentorId: String = group["mentorId"], day: String = group["digestDay"]
            let rows = try Row.fetchAll(db, sql: """
                SELECT d.childId, d.obligation, d.dueOn, d.daysOverdue, c.name
                FROM digest_item d LEFT JOIN child c ON c.id = d.childId
                WHERE d.mentorId = ? AND d.digestDay = ? AND d.notificationId IS NULL AND c.exitedOn IS NULL
                """, arguments: [mentorId, day])
            let items = rows.compactMap { row -> DigestItem? in
                guard let obligation = Obligation(rawValue: row["obligation"]), let dueOn = CalendarDate(row["dueOn"] as String)
                else { return nil }
                let childId: String = row["childId"]
                return DigestItem(childId: childId, childName: row["name"] ?? ChineseLabels.unknownChild(childId),
                                  obligation: obligation, dueOn: dueOn, daysOverdue: row["daysOverdue"])
            }
            let source = "digest:\(mentorId):\(day)"
            if !items.isEmpty {
                let notice = planner.digest(for: try Directory.mentor(mentorId, in: db), items: items)
                written += try writer.write([notice], source: source, now: now, in: db)
            }
            try db.execute(sql: """
                UPDATE digest_item SET notificationId = ifnull((SELECT id FROM notification WHERE source = ?), '-')
                WHERE mentorId = ? AND digestDay = ? AND notificationId IS NULL
                """, arguments: [source, mentorId, day])
        }
        return written
    }
}
