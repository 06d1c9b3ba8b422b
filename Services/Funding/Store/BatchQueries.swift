import Foundation
import FundingDomain
import GRDB
import ShouhuService

/// What officers read about batches: summaries with totals, lines, exclusions, the audit trail.
enum BatchQueries {
    /// A count and a sum in fen.
    struct Tally: Codable, Sendable {
        var count: Int
        var fen: Int64
    }

    /// A batch as every response shows it.
    struct Summary: Codable, Sendable {
        var id: String
        var number: Int
        var period: String
        var budgetYear: Int
        var status: String
        var decidedOn: String
        var note: String?
        var fitToBudget: Bool
        /// Payments the batch makes (dropped and cancelled lines not counted).
        var count: Int
        var totalFen: Int64
        /// What every entitled child would have cost before any budget cut.
        var requiredFen: Int64
        /// Draft lines (before approval), pending, paid, failed and dropped payments.
        var draft: Tally
        var pending: Tally
        var paid: Tally
        var failed: Tally
        var dropped: Tally
        /// Children left out at the draft, per reason.
        var excluded: [String: Int]
        /// Children not considered, per reason.
        var notConsidered: [String: Int]
        var messageId: String?
        var createdBy: String
        var createdAt: String
        var approvedBy: String?
        var approvedAt: String?
        var cancelledBy: String?
        var cancelledAt: String?
        var cancelReason: String?
    }

    static func summary(_ db: Database, id: String, county: String) throws -> Summary {
        try summary(db, row: try BatchStore.row(db, id: id), county: county)
    }

    static func summary(_ db: Database, row: Row, county: String) throws -> Summary {
        let id: String = row["id"]
        var tallies: [String: Tally] = [:]
        for line in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n, SUM(amountFen) AS fen FROM batch_line WHERE batchId = ? GROUP BY status", arguments: [id]) {
            tallies[line["status"]] = Tally(count: line["n"], fen: line["fen"])
        }
        let zero = Tally(count: 0, fen: 0)
        let counted = ["draft", "pending", "paid", "failed", "cancelled"].compactMap { tallies[$0] }
        var excluded: [String: Int] = [:]
        for line in try Row.fetchAll(db, sql: "SELECT reason, COUNT(*) AS n FROM batch_exclusion WHERE batchId = ? GROUP BY reason", arguments: [id]) {
            excluded[line["reason"]] = line["n"]
        }
        let notConsidered = (try? JSONDecoder().decode([String: Int].self, from: Data((row["notConsidered"] as String).utf8))) ?? [:]
        let status: String = row["status"]
        return Summary(
            id: id, number: row["number"], period: row["period"], budgetYear: row["budgetYear"], status: status,
            decidedOn: row["decidedOn"], note: row["note"], fitToBudget: row["fitToBudget"],
            count: counted.reduce(0) { $0 + $1.count }, totalFen: counted.reduce(0) { $0 + $1.fen }, requiredFen: row["requiredFen"],
            draft: tallies["draft"] ?? zero, pending: tallies["pending"] ?? zero, paid: tallies["paid"] ?? zero,
            failed: tallies["failed"] ?? zero, dropped: tallies["dropped"] ?? zero, excluded: excluded, notConsidered: notConsidered,
            messageId: status == "approved" ? BatchStore.messageId(county: county, batch: row["number"]) : nil,
            createdBy: row["createdBy"], createdAt: row["createdAt"], approvedBy: row["approvedBy"], approvedAt: row["approvedAt"],
            cancelledBy: row["cancelledBy"], cancelledAt: row["cancelledAt"], cancelReason: row["cancelReason"])
    }

    /// One payment line, with the account masked.
    struct Line: Codable, Sendable {
        var lineNumber: Int
        var reference: String
        var childId: String
        var childName: String?
        var period: String
        var amountFen: Int64
        var stage: String
        var schoolId: String?
        var villageCode: String?
        var rules: [String]
        var status: String
        var dropReason: String?
        var holderName: String?
        var accountMasked: String?
        var bankName: String?
        var failureReason: String?
        var settledAt: String?
    }

    static func line(_ row: Row) -> Line {
        Line(lineNumber: row["lineNumber"], reference: row["reference"], childId: row["childId"], childName: row["name"],
             period: row["period"], amountFen: row["amountFen"], stage: row["stage"], schoolId: row["schoolId"],
             villageCode: row["villageCode"], rules: (row["rules"] as String).split(separator: ",").map(String.init),
             status: row["status"], dropReason: row["dropReason"], holderName: row["holderName"] ?? row["accountHolder"],
             accountMasked: ((row["accountNumber"] as String?) ?? (row["currentAccount"] as String?)).map(AccountNumber.masked),
             bankName: row["bankName"] ?? row["currentBank"], failureReason: row["failureReason"], settledAt: row["settledAt"])
    }

    /// The SQL condition and arguments that limit lines (alias `l`) to what a caller may read.
    static func scopeFilter(_ scope: ListScope) -> (sql: String, arguments: StatementArguments) {
        switch scope {
        case .county: ("1", [])
        case .division(let prefix): ("l.villageCode LIKE ?", [prefix + "%"])
        case .school(let school): ("l.schoolId = ?", [school])
        case .mentor, .nothing: ("0", [])
        }
    }

    /// A page of a batch's lines, optionally of one status, in line order.
    static func lines(_ db: Database, batchId: String, status: String?, scope: ListScope, page: PageRequest) throws -> Page<Line> {
        _ = try BatchStore.row(db, id: batchId)
        let filter = scopeFilter(scope)
        var query = FilteredQuery("""
            SELECT l.*, c.name, a.accountNumber AS currentAccount, a.holderName AS accountHolder, a.bankName AS currentBank
            FROM batch_line l LEFT JOIN child c ON c.childId = l.childId LEFT JOIN payee_account a ON a.childId = l.childId
            WHERE l.batchId = ? AND l.lineNumber > ?
            """, [batchId, Int(page.after ?? "0") ?? 0])
        query.and(filter.sql, filter.arguments)
        query.and("l.status", equals: status)
        let rows = try query.page(db, order: "l.lineNumber", limit: page.limit)
        return Page(rows: rows, request: page, item: line, key: { String($0["lineNumber"] as Int) })
    }

    /// One child left out of a batch.
    struct Exclusion: Codable, Sendable {
        var childId: String
        var childName: String?
        var reason: String
        var schoolId: String?
        var villageCode: String?
    }

    static func exclusions(_ db: Database, batchId: String, reason: String?, scope: ListScope, page: PageRequest) throws -> Page<Exclusion> {
        _ = try BatchStore.row(db, id: batchId)
        let filter = scopeFilter(scope)
        var query = FilteredQuery("""
            SELECT e.childId, e.reason, l.name, l.schoolId, l.villageCode FROM batch_exclusion e
            LEFT JOIN child l ON l.childId = e.childId WHERE e.batchId = ? AND e.childId > ?
            """, [batchId, page.after ?? ""])
        query.and(filter.sql, filter.arguments)
        query.and("e.reason", equals: reason)
        let rows = try query.page(db, order: "e.childId", limit: page.limit)
        return Page(rows: rows, request: page, item: {
            Exclusion(childId: $0["childId"], childName: $0["name"], reason: $0["reason"], schoolId: $0["schoolId"], villageCode: $0["villageCode"])
        }, key: { $0["childId"] })
    }

    /// A page of batches, newest first, optionally of one period or status.
    static func list(_ db: Database, period: String?, status: String?, page: PageRequest, county: String) throws -> Page<Summary> {
        var query = FilteredQuery("SELECT * FROM batch WHERE number < ?", [Int(page.after ?? "") ?? Int.max])
        query.and("period", equals: period)
        query.and("status", equals: status)
        let rows = try query.page(db, order: "number DESC", limit: page.limit)
        return try Page(rows: rows, request: page, item: { try summary(db, row: $0, county: county) }, key: { String($0["number"] as Int) })
    }

    /// One entry of the audit trail.
    struct AuditEntry: Codable, Sendable {
        var id: Int64
        var at: String
        var actor: String
        var role: String
        var action: String
        var batchId: String?
        var childId: String?
        var detail: String
    }

    static func audit(_ db: Database, batchId: String?, childId: String?, page: PageRequest) throws -> Page<AuditEntry> {
        var query = FilteredQuery("SELECT * FROM audit WHERE id > ?", [Int64(page.after ?? "") ?? 0])
        query.and("batchId", equals: batchId)
        query.and("childId", equals: childId)
        let rows = try query.page(db, order: "id", limit: page.limit)
        return Page(rows: rows, request: page, item: {
            AuditEntry(id: $0["id"], at: $0["at"], actor: $0["actor"], role: $0["role"], action: $0["action"],
                       batchId: $0["batchId"], childId: $0["childId"], detail: $0["detail"])
        }, key: { String($0["id"] as Int64) })
    }

    /// Money paid, grouped by township, school, stage or period.
    struct PaidRow: Codable, Sendable {
        var key: String?
        var children: Int
        var payments: Int
        var paidFen: Int64
    }

    static func paid(_ db: Database, by dimension: String, year: Int?, period: String?, scope: ListScope) throws -> [PaidRow] {
        let column = ["township": "l.townshipCode", "school": "l.schoolId", "stage": "l.stage", "period": "l.period"][dimension]!
        let filter = scopeFilter(scope)
        var query = FilteredQuery("""
            SELECT \(column) AS key, COUNT(DISTINCT l.childId) AS children, COUNT(*) AS payments, SUM(l.amountFen) AS fen
            FROM batch_line l WHERE l.status = 'paid'
            """)
        query.and(filter.sql, filter.arguments)
        query.and("l.budgetYear", equals: year)
        query.and("l.period", equals: period)
        return try Row.fetchAll(db, sql: query.sql + " GROUP BY \(column) ORDER BY \(column)", arguments: query.arguments).map {
            PaidRow(key: $0["key"], children: $0["children"], payments: $0["payments"], paidFen: $0["fen"])
        }
    }
}
