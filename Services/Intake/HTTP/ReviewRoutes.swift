import Foundation
import GRDB
import Hummingbird
import ShouhuEvents
import ShouhuService

/// Likely duplicates and the audit log:
/// - `GET /duplicate-reviews?status=open|same_child|not_same_child`: pairs flagged because
///   they share a name, birth date and village without ID numbers to tell them apart;
/// - `POST /duplicate-reviews/{id}` `{"decision": "same_child"|"not_same_child", "note": …}`:
///   a person's judgement, kept, so the pair is never flagged again (a same child is then
///   exited by hand, with reason `other` and a note);
/// - `GET /audit/id-reads`: every time a resident ID number was shown whole.
struct ReviewRoutes: Sendable {
    let ledger: Ledger
    let context: ServiceContext

    /// One flagged pair.
    struct Review: ResponseEncodable, Codable, Sendable {
        var id: String
        var childId: String
        var otherChildId: String
        var villageCode: String
        var status: String
        var flaggedAt: Date
        var judgedBy: String?
        var judgedAt: Date?
        var note: String?

        init(row: Row) {
            id = row["id"]
            childId = row["childId"]
            otherChildId = row["otherChildId"]
            villageCode = row["villageCode"]
            status = row["status"]
            flaggedAt = Date(timeIntervalSince1970: row["flaggedAt"])
            judgedBy = row["judgedBy"]
            judgedAt = (row["judgedAt"] as Double?).map(Date.init(timeIntervalSince1970:))
            note = row["note"]
        }
    }

    /// A judgement.
    struct Judgement: Decodable, Sendable {
        enum Decision: String, Decodable, Sendable {
            case sameChild = "same_child"
            case notSameChild = "not_same_child"
        }
        var decision: Decision
        var note: String?
    }

    /// One unmasked read.
    struct IDRead: Codable, Sendable {
        var seq: Int64
        var childId: String
        var subject: String
        var role: String
        var route: String
        var readAt: Date
    }

    func add(to router: Router<ShouhuRequestContext>) {
        router.get("/duplicate-reviews") { request, http in
            let caller = try http.requireCaller(IntakeAccess.reviewDuplicates)
            let page = try PageRequest(request)
            let status = request.uri.queryParameters["status"].map(String.init) ?? "open"
            guard ["open", "same_child", "not_same_child"].contains(status) else {
                throw APIError.badRequest("`status` must be open, same_child or not_same_child.", code: "invalid_query",
                                          field: "status")
            }
            let prefix: String
            switch caller.listScope {
            case .county: prefix = ""
            case .division(let division): prefix = division
            default: prefix = "-"
            }
            let rows = try await context.database.pool.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT * FROM duplicate_reviews WHERE status = ? AND substr(villageCode, 1, ?) = ? AND id > ?
                    ORDER BY id LIMIT ?
                    """, arguments: [status, prefix.count, prefix, page.after ?? "", page.limit + 1])
            }
            return Page(rows: rows, request: page, item: Review.init(row:), key: { $0["id"] })
        }
        router.post("/duplicate-reviews/{id}") { request, http in
            let caller = try http.requireCaller(IntakeAccess.reviewDuplicates)
            let id = try http.parameters.require("id")
            let judgement = try await request.decodeJSON(as: Judgement.self, context: http)
            let now = context.clock.now()
            return try await context.database.pool.write { db in
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM duplicate_reviews WHERE id = ?", arguments: [id]),
                      caller.mayRead(ChildPlace(villageCode: row["villageCode"], schoolId: nil)) else {
                    throw APIError.notFound("No duplicate review \(id) in your part of the ledger.")
                }
                try db.execute(sql: """
                    UPDATE duplicate_reviews SET status = ?, judgedBy = ?, judgedAt = ?, note = ? WHERE id = ?
                    """, arguments: [judgement.decision.rawValue, caller.subject, now.timeIntervalSince1970,
                                     judgement.note.map { String($0.prefix(500)) }, id])
                return Review(row: try Row.fetchOne(db, sql: "SELECT * FROM duplicate_reviews WHERE id = ?", arguments: [id])!)
            }
        }
        router.get("/audit/id-reads") { request, http in
            _ = try http.requireCaller(IntakeAccess.readAudit)
            let page = try PageRequest(request)
            let after = Int64(page.after ?? "0") ?? 0
            let rows = try await context.database.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM id_number_reads WHERE seq > ? ORDER BY seq LIMIT ?",
                                 arguments: [after, page.limit + 1])
            }
            return Page(rows: rows, request: page, item: {
                IDRead(seq: $0["seq"], childId: $0["childId"], subject: $0["subject"], role: $0["role"], route: $0["route"],
                       readAt: Date(timeIntervalSince1970: $0["readAt"]))
            }, key: { String($0["seq"] as Int64) })
        }
    }
}
