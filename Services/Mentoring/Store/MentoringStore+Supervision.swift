import GRDB
import MentoringDomain
import ShouhuEvents
import ShouhuService

/// The unit a supervision report (督查) is broken down by.
enum SupervisionLevel: String, Sendable, CaseIterable {
    case mentor, school, township
}

extension MentoringStore {
    /// Duties due in `from...to` and what became of them, per mentor, school or township, as
    /// of `today`. A duty withdrawn on or before its due day (the child exited, the tier
    /// changed) does not count; one withdrawn after falling due counts as missed. A duty counts
    /// for the mentors paired with the child on its due day.
    static func supervision(level: SupervisionLevel, from: CalendarDate, to: CalendarDate, today: CalendarDate,
                            scope: ListScope, _ db: Database) throws -> SupervisionReport {
        let filter = ScopeFilter(scope)
        let key: String
        var join = ""
        switch level {
        case .mentor:
            key = "p.mentorId"
            join = """
                JOIN pairing p ON p.childId = o.childId AND p.startedOn <= o.dueOn
                AND (p.endedOn IS NULL OR p.endedOn > o.dueOn)
                """
        case .school: key = "c.schoolId"
        case .township: key = "c.townshipCode"
        }
        var mentorOnly = ""
        var arguments: StatementArguments = [today, today, from, to]
        arguments += filter.arguments
        if level == .mentor, case .mentor(let self_) = scope {
            mentorOnly = " AND p.mentorId = ?"
            arguments += [self_]
        }
        let duties = try Row.fetchAll(
            db,
            sql: """
                SELECT \(key) AS groupKey, COUNT(*) AS due,
                SUM(o.fulfilledOn IS NOT NULL AND o.fulfilledOn <= o.dueOn) AS madeOnTime,
                SUM(o.fulfilledOn IS NOT NULL AND o.fulfilledOn > o.dueOn) AS madeLate,
                SUM(o.fulfilledOn IS NULL AND ((o.closedOn IS NOT NULL AND o.closedOn > o.dueOn)
                    OR (o.closedOn IS NULL AND o.dueOn < ?))) AS missed,
                SUM(o.fulfilledOn IS NULL AND o.closedOn IS NULL AND o.dueOn >= ?) AS pending
                FROM obligation o JOIN child c ON c.id = o.childId \(join)
                WHERE o.dueOn BETWEEN ? AND ? AND NOT (o.closedOn IS NOT NULL AND o.closedOn <= o.dueOn)
                AND \(filter.sql)\(mentorOnly)
                GROUP BY groupKey
                """, arguments: arguments)
        let visitKey = level == .mentor ? "v.mentorId" : key
        var visitArguments: StatementArguments = [from, to]
        visitArguments += filter.arguments
        var visitMentorOnly = ""
        if level == .mentor, case .mentor(let self_) = scope {
            visitMentorOnly = " AND v.mentorId = ?"
            visitArguments += [self_]
        }
        var visits: [String: Int] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT \(visitKey) AS groupKey, COUNT(*) AS n FROM visit v JOIN child c ON c.id = v.childId
                WHERE v.madeOn BETWEEN ? AND ? AND \(filter.sql)\(visitMentorOnly) GROUP BY groupKey
                """, arguments: visitArguments)
        {
            visits[(row["groupKey"] as String?) ?? ""] = row["n"]
        }
        var rows: [String: SupervisionRow] = [:]
        for row in duties {
            let groupKey = (row["groupKey"] as String?) ?? ""
            rows[groupKey] = Self.supervisionRow(
                key: groupKey, due: row["due"], madeOnTime: row["madeOnTime"], madeLate: row["madeLate"],
                missed: row["missed"], pending: row["pending"], visits: visits[groupKey] ?? 0)
        }
        for (groupKey, count) in visits where rows[groupKey] == nil {
            rows[groupKey] = Self.supervisionRow(key: groupKey, due: 0, madeOnTime: 0, madeLate: 0, missed: 0, pending: 0, visits: count)
        }
        if level == .mentor {
            let names = try Row.fetchAll(db, sql: "SELECT id, name FROM mentor")
            for row in names where rows[row["id"]] != nil { rows[row["id"]]?.name = row["name"] }
        }
        let sorted = rows.values.sorted { ($0.key ?? "") < ($1.key ?? "") }
        let total = sorted.reduce(into: Self.supervisionRow(key: nil, due: 0, madeOnTime: 0, madeLate: 0, missed: 0, pending: 0, visits: 0)) {
            sum, row in
            sum = Self.supervisionRow(
                key: nil, due: sum.due + row.due, madeOnTime: sum.madeOnTime + row.madeOnTime,
                madeLate: sum.madeLate + row.madeLate, missed: sum.missed + row.missed, pending: sum.pending + row.pending,
                visits: sum.visitsRecorded + row.visitsRecorded)
        }
        return SupervisionReport(level: level.rawValue, from: from, to: to, asOf: today, rows: sorted, total: total)
    }

    /// One row with its derived figures (overdue, rate).
    static func supervisionRow(key: String?, due: Int, madeOnTime: Int, madeLate: Int, missed: Int, pending: Int,
                               visits: Int) -> SupervisionRow {
        let settled = due - pending
        let overdue = madeLate + missed
        return SupervisionRow(
            key: key.flatMap { $0.isEmpty ? nil : $0 }, name: nil, due: due, madeOnTime: madeOnTime, madeLate: madeLate,
            overdue: overdue, missed: missed, pending: pending,
            overdueRate: settled > 0 ? Double(overdue) / Double(settled) : nil, visitsRecorded: visits)
    }
}
