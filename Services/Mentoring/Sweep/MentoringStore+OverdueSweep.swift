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
    /// - Returns: how many alerts it emitted.
    public func sweepOverdue(_ db: Database, at now: Date) throws -> Int {
        let change = change(db, at: now)
        let today = change.today
        let cutoff = OverdueRule.repeatCutoff(today: today, repeatDays: policy.overdueRepeatDays)
        let rows = try Row.fetchCursor(
            db.cachedStatement(sql: """
                SELECT id, childId, kind, tier, dueOn, lastAlertedOn FROM obligation
                WHERE fulfilledOn IS NULL AND closedOn IS NULL AND dueOn < ?
                AND (lastAlertedOn IS NULL OR lastAlertedOn <= ?)
                ORDER BY dueOn, id
                """), arguments: [today, cutoff])
        var due: [(id: Int64, childId: String, kind: Obligation, tier: CareTier, dueOn: CalendarDate)] = []
        while let row = try rows.next() {
            let dueOn: CalendarDate = row["dueOn"]
            guard OverdueRule.shouldAlert(dueOn: dueOn, today: today, lastAlertedOn: row["lastAlertedOn"],
                                          repeatDays: policy.overdueRepeatDays) else { continue }
            due.append((row["id"], row["childId"], row["kind"], row["tier"], dueOn))
        }
        let mentors = try db.cachedStatement(sql: "SELECT mentorId FROM pairing WHERE childId = ? AND endedOn IS NULL ORDER BY mentorId")
        let mark = try db.cachedStatement(sql: "UPDATE obligation SET lastAlertedOn = ?, alertCount = alertCount + 1 WHERE id = ?")
        var emitted = 0
        for item in due {
            let mentorIds = try String.fetchAll(mentors, arguments: [item.childId])
            // Open duties are closed when a child loses the last mentor, so this is only a guard.
            guard !mentorIds.isEmpty else { continue }
            try change.emit(VisitOverdue(
                childId: item.childId, mentorIds: mentorIds, obligation: item.kind, dueOn: item.dueOn,
                daysOverdue: OverdueRule.daysOverdue(dueOn: item.dueOn, today: today), tier: item.tier))
            try mark.execute(arguments: [today, item.id])
            emitted += 1
        }
        return emitted
    }
}
