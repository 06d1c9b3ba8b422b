import GRDB
import MentoringDomain
import ShouhuEvents

extension MentoringStore {
    /// Computes the child's due dates again from what they follow from (tier, pairing, last
    /// contacts, escalation) and brings the open instances in line: an instance whose due date
    /// changed is closed with `reason` and replaced; when no duty runs any more (the child
    /// exited or has no mentor) every open instance is closed, so no reminder outlives its
    /// reason.
    func refreshObligations(of child: ChildRecord, reason: String, in change: Change) throws {
        let open = try Row.fetchAll(
            change.db.cachedStatement(sql: """
                SELECT id, kind, dueOn, tier FROM obligation
                WHERE childId = ? AND fulfilledOn IS NULL AND closedOn IS NULL
                """), arguments: [child.id])
        guard let input = child.scheduleInput else {
            let why = child.isActive ? "unpaired" : "child_exited"
            for row in open { try close(obligation: row["id"], reason: why, in: change) }
            return
        }
        var openByKind: [Obligation: Row] = [:]
        for row in open { openByKind[row["kind"]] = row }
        for due in ObligationSchedule.all(for: input, policy: policy) {
            if let row = openByKind[due.obligation] {
                if (row["dueOn"] as CalendarDate) == due.dueOn, (row["tier"] as CareTier) == child.tier { continue }
                try close(obligation: row["id"], reason: reason, in: change)
            }
            try change.db.cachedStatement(sql: """
                INSERT INTO obligation (childId, kind, tier, countsFrom, dueOn, openedOn) VALUES (?, ?, ?, ?, ?, ?)
                """).execute(arguments: [child.id, due.obligation, child.tier, due.countsFrom, due.dueOn, change.today])
        }
    }

    /// Closes an open instance without it being done (its reason changed or is gone).
    func close(obligation id: Int64, reason: String, in change: Change) throws {
        try change.db.cachedStatement(sql: "UPDATE obligation SET closedOn = ?, closedReason = ? WHERE id = ?")
            .execute(arguments: [change.today, reason, id])
    }

    /// Marks the open instance of a duty done by a contact on `day`, if the contact counts
    /// towards it (made on or after the day the instance counts from).
    func fulfil(_ obligation: Obligation, of childId: String, by visitId: String, on day: CalendarDate,
                in change: Change) throws {
        try change.db.execute(
            sql: """
                UPDATE obligation SET fulfilledOn = ?, visitId = ?
                WHERE childId = ? AND kind = ? AND fulfilledOn IS NULL AND closedOn IS NULL AND countsFrom <= ?
                """, arguments: [day, visitId, childId, obligation, day])
    }
}
