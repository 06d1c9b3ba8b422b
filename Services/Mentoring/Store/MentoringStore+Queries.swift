import Foundation
import GRDB
import MentoringDomain
import ShouhuEvents
import ShouhuService

/// Optional filters of a list, as SQL conditions over `child c`.
struct ChildFilters {
    var school: String?
    var township: String?
    var mentor: String?

    func apply(to conditions: inout [String], _ arguments: inout StatementArguments) {
        if let school {
            conditions.append("c.schoolId = ?")
            arguments += [school]
        }
        if let township {
            conditions.append("c.townshipCode = ?")
            arguments += [township]
        }
        if let mentor {
            conditions.append("EXISTS (SELECT 1 FROM pairing fp WHERE fp.childId = c.id AND fp.mentorId = ? AND fp.endedOn IS NULL)")
            arguments += [mentor]
        }
    }
}

extension MentoringStore {
    /// The open duties of a child, each with its derived overdue state on `today`.
    static func duties(of childId: String, today: CalendarDate, _ db: Database) throws -> [DutyView] {
        try Row.fetchAll(
            db.cachedStatement(sql: """
                SELECT o.kind, o.dueOn, o.tier, a.lastAlertedOn
                FROM obligation o LEFT JOIN obligation_alert a ON a.obligationId = o.id
                WHERE o.childId = ? AND o.fulfilledOn IS NULL AND o.closedOn IS NULL ORDER BY o.dueOn, o.kind
                """), arguments: [childId]
        ).map { row in
            let dueOn: CalendarDate = row["dueOn"]
            return DutyView(
                obligation: row["kind"], dueOn: dueOn, tier: row["tier"],
                overdue: OverdueRule.isOverdue(dueOn: dueOn, today: today),
                daysOverdue: OverdueRule.daysOverdue(dueOn: dueOn, today: today), lastAlertedOn: row["lastAlertedOn"])
        }
    }

    /// Every pairing of a child with the open duties.
    static func pairings(of child: ChildRecord, today: CalendarDate, _ db: Database) throws -> ChildPairingsView {
        let all = try Row.fetchAll(
            db,
            sql: """
                SELECT p.*, m.name AS mentorName FROM pairing p JOIN mentor m ON m.id = p.mentorId
                WHERE p.childId = ? ORDER BY p.startedOn, p.id
                """, arguments: [child.id]
        ).map { row in
            PairingView(
                childId: row["childId"], mentorId: row["mentorId"], mentorName: row["mentorName"], role: row["role"],
                source: row["source"], startedOn: row["startedOn"], endedOn: row["endedOn"], endReason: row["endReason"],
                endNote: row["endNote"])
        }
        let current = all.filter { $0.endedOn == nil }
        return ChildPairingsView(
            childId: child.id, tier: child.tier,
            pairing: current.isEmpty ? nil : PairingPlanner.kind(of: current.map(\.role)),
            unmetNeeds: child.unmetNeeds, unpairedSince: child.unpairedSince, current: current,
            ended: all.filter { $0.endedOn != nil }, duties: try duties(of: child.id, today: today, db))
    }

    /// A page of a child's contacts, newest first.
    static func visits(of childId: String, page: PageRequest, _ db: Database) throws -> Page<VisitView> {
        var sql = "SELECT * FROM visit WHERE childId = ?"
        var arguments: StatementArguments = [childId]
        if let after = page.after {
            sql += " AND id < ?"
            arguments += [after]
        }
        sql += " ORDER BY id DESC LIMIT ?"
        arguments += [page.limit + 1]
        let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
        return try Page(rows: rows, request: page, item: visitView(_:), key: { $0["id"] })
    }

    /// What is overdue on `today` within the caller's scope and the filters, a page at a time
    /// (ordered by the duty's id, which is also the order they were opened).
    static func overdue(scope: ListScope, filters: ChildFilters, obligation: Obligation?, today: CalendarDate,
                        page: PageRequest, _ db: Database) throws -> Page<OverdueView> {
        let filter = ScopeFilter(scope)
        var conditions = ["o.fulfilledOn IS NULL", "o.closedOn IS NULL", "o.dueOn < ?", filter.sql]
        var arguments: StatementArguments = [today]
        arguments += filter.arguments
        filters.apply(to: &conditions, &arguments)
        if let obligation {
            conditions.append("o.kind = ?")
            arguments += [obligation]
        }
        if let after = page.after, let id = Int64(after) {
            conditions.append("o.id > ?")
            arguments += [id]
        }
        arguments += [page.limit + 1]
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT o.id, o.childId, o.kind, o.tier, o.dueOn, a.lastAlertedOn, coalesce(a.alertCount, 0) AS alertCount,
                c.name, c.villageCode, c.townshipCode, c.schoolId
                FROM obligation o JOIN child c ON c.id = o.childId LEFT JOIN obligation_alert a ON a.obligationId = o.id
                WHERE \(conditions.joined(separator: " AND ")) ORDER BY o.id LIMIT ?
                """, arguments: arguments)
        let mentors = try db.cachedStatement(sql: "SELECT mentorId FROM pairing WHERE childId = ? AND endedOn IS NULL ORDER BY mentorId")
        return try Page(rows: rows, request: page, item: { row in
            let dueOn: CalendarDate = row["dueOn"]
            return OverdueView(
                childId: row["childId"], childName: row["name"], villageCode: row["villageCode"],
                townshipCode: row["townshipCode"], schoolId: row["schoolId"], obligation: row["kind"], tier: row["tier"],
                dueOn: dueOn, daysOverdue: OverdueRule.daysOverdue(dueOn: dueOn, today: today),
                mentorIds: try String.fetchAll(mentors, arguments: [row["childId"]]), lastAlertedOn: row["lastAlertedOn"],
                alertCount: row["alertCount"])
        }, key: { String($0["id"] as Int64) })
    }

    /// Children waiting for a mentor (the township's unpaired list), longest waiting first.
    static func unpaired(scope: ListScope, filters: ChildFilters, page: PageRequest, _ db: Database) throws
        -> Page<UnpairedView>
    {
        let filter = ScopeFilter(scope)
        var conditions = ["c.unmetNeeds IS NOT NULL", "c.exitedOn IS NULL", filter.sql]
        var arguments = filter.arguments
        filters.apply(to: &conditions, &arguments)
        if let after = page.after {
            conditions.append("(c.unpairedSince || '|' || c.id) > ?")
            arguments += [after]
        }
        arguments += [page.limit + 1]
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM child c WHERE \(conditions.joined(separator: " AND "))
                ORDER BY c.unpairedSince, c.id LIMIT ?
                """, arguments: arguments)
        return Page(rows: rows.map(ChildRecord.init(row:)), request: page, item: { child in
            UnpairedView(
                childId: child.id, childName: child.name, villageCode: child.villageCode, townshipCode: child.townshipCode,
                schoolId: child.schoolId, tier: child.tier, needs: child.unmetNeeds, unpairedSince: child.unpairedSince!)
        }, key: { "\($0.unpairedSince!)|\($0.id)" })
    }

    /// A mentor's current children with their open duties.
    static func caseload(of mentor: MentorRecord, today: CalendarDate, _ db: Database) throws -> CaseloadView {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT c.*, p.role AS pairingRole, p.source, p.startedOn FROM pairing p JOIN child c ON c.id = p.childId
                WHERE p.mentorId = ? AND p.endedOn IS NULL ORDER BY p.startedOn, c.id
                """, arguments: [mentor.id])
        var overdue = 0
        let children = try rows.map { row in
            let child = ChildRecord(row: row)
            let duties = try duties(of: child.id, today: today, db)
            overdue += duties.filter(\.overdue).count
            return CaseloadChildView(
                childId: child.id, childName: child.name, villageCode: child.villageCode, schoolId: child.schoolId,
                tier: child.tier, role: row["pairingRole"], source: row["source"], pairedOn: row["startedOn"], duties: duties)
        }
        return CaseloadView(mentor: mentor, room: max(0, mentor.capacity - mentor.caseload), overdue: overdue, children: children)
    }
}

extension MentoringStore {
    static func visitView(_ row: Row) throws -> VisitView {
        let concerns = try JSONDecoder().decode([String].self, from: Data((row["concerns"] as String).utf8))
        return VisitView(
            id: row["id"], childId: row["childId"], mentorId: row["mentorId"], kind: row["kind"], on: row["madeOn"],
            findings: row["findings"], concerns: concerns, helpGiven: row["helpGiven"], escalated: row["escalated"],
            escalationNote: row["escalationNote"], recordedBy: row["recordedBy"], recordedByRole: row["recordedByRole"])
    }
}
