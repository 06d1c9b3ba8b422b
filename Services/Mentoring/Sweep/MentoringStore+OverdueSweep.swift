public import Foundation
public import GRDB
import MentoringDomain
import ShouhuEvents

extension MentoringStore {
    /// The overdue sweep (逾期提醒): finds every open duty past its due date that has not been
    /// alerted, or was alerted `overdueRepeatDays` or more ago, emits `VisitOverdue` for it to the
    /// child's current mentors, and marks it alerted today — all in the caller's one transaction,
    /// so a restart neither alerts twice nor forgets.
    ///
    /// On a county's worst day every child's home visit is overdue at once, so the work is done
    /// in three passes: one query reads the due duties together with their current mentors, the
    /// events are appended (encoded on the other cores meanwhile), and one update marks exactly
    /// the duties alerted.
    ///
    /// - Returns: how many alerts it emitted.
    public func sweepOverdue(_ db: Database, at now: Date) throws -> Int {
        let change = change(db, at: now)
        let today = change.today
        let alerts = try overdueAlerts(db, today: today)
        try change.emitAll(alerts.map { alert in
            VisitOverdue(
                childId: alert.childId, mentorIds: alert.mentorIds, obligation: alert.kind, dueOn: alert.dueOn,
                daysOverdue: OverdueRule.daysOverdue(dueOn: alert.dueOn, today: today), tier: alert.tier)
        })
        try markAlerted(alerts.map(\.id), on: today, in: db)
        return alerts.count
    }

    /// One duty to alert about, with the mentors who owe it (sorted, never empty).
    private struct OverdueAlert {
        var id: Int64
        var childId: String
        var kind: Obligation
        var tier: CareTier
        var dueOn: CalendarDate
        var mentorIds: [String]
    }

    /// The open duties the rule says to alert about today, oldest due first, each with the
    /// child's current mentors. The query joins the pairings (one row per mentor, in mentor
    /// order, read off the `pairing_current` index), so no query runs per duty. A duty whose
    /// child has no current mentor is left out: open duties are closed when a child loses the
    /// last mentor, so this is only a guard.
    private func overdueAlerts(_ db: Database, today: CalendarDate) throws -> [OverdueAlert] {
        let repeatDays = policy.overdueRepeatDays
        let cutoff = OverdueRule.repeatCutoff(today: today, repeatDays: repeatDays)
        let rows = try Row.fetchCursor(
            db.cachedStatement(sql: """
                SELECT o.id, o.childId, o.kind, o.tier, o.dueOn, a.lastAlertedOn, p.mentorId
                FROM obligation o
                LEFT JOIN obligation_alert a ON a.obligationId = o.id
                LEFT JOIN pairing p ON p.childId = o.childId AND p.endedOn IS NULL
                WHERE o.fulfilledOn IS NULL AND o.closedOn IS NULL AND o.dueOn < ?
                AND (a.lastAlertedOn IS NULL OR a.lastAlertedOn <= ?)
                ORDER BY o.dueOn, o.id, p.mentorId
                """), arguments: [today, cutoff])
        var alerts: [OverdueAlert] = []
        var current: OverdueAlert?
        var currentId: Int64?
        while let row = try rows.next() {
            let id: Int64 = row[0]
            if id != currentId {
                if let done = current { alerts.append(done) }
                currentId = id
                current = nil
                let dueOn: CalendarDate = row[4]
                guard OverdueRule.shouldAlert(dueOn: dueOn, today: today, lastAlertedOn: row[5],
                                              repeatDays: repeatDays) else { continue }
                current = OverdueAlert(id: id, childId: row[1], kind: row[2], tier: row[3], dueOn: dueOn, mentorIds: [])
            }
            if let mentorId: String = row[6] { current?.mentorIds.append(mentorId) }
        }
        if let done = current { alerts.append(done) }
        return alerts.filter { !$0.mentorIds.isEmpty }
    }

    /// Marks the duties alerted today, in one statement over the list of their ids: a first alert
    /// appends the duty's row to `obligation_alert`, a repeat updates it. Throws (and so undoes
    /// the whole sweep, events included) should the count differ: a duty alerted but not marked
    /// would be alerted again tomorrow.
    private func markAlerted(_ ids: [Int64], on today: CalendarDate, in db: Database) throws {
        guard !ids.isEmpty else { return }
        let list = "[" + ids.sorted().map(String.init).joined(separator: ",") + "]"
        try db.cachedStatement(sql: """
            INSERT INTO obligation_alert (obligationId, lastAlertedOn, alertCount)
            SELECT value, ?, 1 FROM json_each(?) WHERE true
            ON CONFLICT (obligationId) DO UPDATE SET lastAlertedOn = excluded.lastAlertedOn, alertCount = alertCount + 1
            """).execute(arguments: [today, list])
        guard db.changesCount == ids.count else {
            throw MarkMismatch(marked: db.changesCount, alerted: ids.count)
        }
    }
}

/// The overdue sweep's update did not mark exactly the duties it alerted about.
struct MarkMismatch: Error, CustomStringConvertible {
    let marked: Int
    let alerted: Int
    var description: String { "overdue sweep marked \(marked) duties for \(alerted) alerts" }
}
