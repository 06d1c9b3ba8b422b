import Foundation
import GRDB
import Hummingbird
import NotificationDomain
import ShouhuService

/// `GET /notifications?recipient=&unread=`: a person's in-app inbox, newest first, with each
/// delivery's status; `POST /notifications/{id}/read` marks one read. Everyone reads only their
/// own inbox (recipient = their login subject; a mentor's is their mentor id); a county officer
/// or admin may read anyone's, to check that an alert reached its people.
struct InboxRoutes: Sendable {
    let context: ServiceContext

    static let readersOfAll: Set<Role> = [.admin, .countyOfficer]

    /// One delivery of a notice.
    struct DeliveryBody: Codable, Sendable {
        var channel: Channel
        var status: String
        var attempts: Int
        var lastError: String?
        var nextAttemptAt: Date?
        var sentAt: Date?
    }

    /// One inbox entry.
    struct NotificationBody: ResponseEncodable, Sendable {
        var id: String
        var recipient: String
        var kind: NoticeKind
        var urgent: Bool
        var title: String
        var body: String
        var childId: String?
        var createdAt: Date
        var readAt: Date?
        var deliveries: [DeliveryBody]
    }

    func add(to router: Router<ShouhuRequestContext>) {
        router.get("/notifications") { request, requestContext in
            let caller = try requestContext.requireCaller(Set(Role.allCases))
            let page = try PageRequest(request)
            let query = request.uri.queryParameters
            let recipient = query["recipient"].map(String.init) ?? caller.subject
            guard recipient == caller.subject || Self.readersOfAll.contains(caller.role) else {
                throw APIError.forbidden("You may read only your own notifications.")
            }
            let unreadOnly: Bool
            switch query["unread"].map(String.init) {
            case nil, "false": unreadOnly = false
            case "true": unreadOnly = true
            default: throw APIError.badRequest("`unread` must be true or false.", field: "unread")
            }
            let after: Int? = try page.after.map { key in
                guard let seq = Int(key) else {
                    throw APIError.badRequest("`cursor` is not one this service gave out.", code: "invalid_cursor", field: "cursor")
                }
                return seq
            }
            let items = try await context.database.pool.read { db in
                let rows = try Row.fetchAll(db, sql: """
                    SELECT * FROM notification WHERE recipient = ? AND (? IS NULL OR seq < ?) AND (? = 0 OR readAt IS NULL)
                    ORDER BY seq DESC LIMIT ?
                    """, arguments: [recipient, after, after, unreadOnly, page.limit + 1])
                return try rows.map { try Self.body($0, db) }
            }
            let seqs = Dictionary(uniqueKeysWithValues: items.map { ($0.0.id, $0.1) })
            return Page(rows: items.map(\.0), request: page, item: { $0 }, key: { String(seqs[$0.id]!) })
        }
        router.post("/notifications/{id}/read") { _, requestContext in
            let caller = try requestContext.requireCaller(Set(Role.allCases))
            let id = try requestContext.parameters.require("id")
            let now = context.clock.now().timeIntervalSince1970
            return try await context.database.pool.write { db in
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM notification WHERE id = ?", arguments: [id]),
                      row["recipient"] as String == caller.subject else {
                    // Someone else's notice is reported as missing: its existence is not theirs to know.
                    throw APIError.notFound("No notification \(id) in your inbox.")
                }
                try db.execute(sql: "UPDATE notification SET readAt = ifnull(readAt, ?) WHERE id = ?", arguments: [now, id])
                return try Self.body(try Row.fetchOne(db, sql: "SELECT * FROM notification WHERE id = ?", arguments: [id])!, db).0
            }
        }
    }

    /// An inbox row with its deliveries (the inbox entry itself counts as the in-app delivery).
    static func body(_ row: Row, _ db: Database) throws -> (NotificationBody, Int) {
        let id: String = row["id"]
        let createdAt = Date(timeIntervalSince1970: row["createdAt"])
        var deliveries = [DeliveryBody(channel: .inApp, status: "sent", attempts: 1, lastError: nil, nextAttemptAt: nil, sentAt: createdAt)]
        for delivery in try Row.fetchAll(db, sql: """
            SELECT channel, status, attempts, lastError, nextAttemptAt, sentAt FROM delivery WHERE notificationId = ? ORDER BY channel DESC
            """, arguments: [id]) {
            let status: String = delivery["status"]
            let pending = status == "queued" || status == "failed"
            deliveries.append(DeliveryBody(
                channel: Channel(rawValue: delivery["channel"])!, status: status, attempts: delivery["attempts"],
                lastError: delivery["lastError"],
                nextAttemptAt: pending ? Date(timeIntervalSince1970: delivery["nextAttemptAt"]) : nil,
                sentAt: (delivery["sentAt"] as Double?).map(Date.init(timeIntervalSince1970:))))
        }
        let body = NotificationBody(
            id: id, recipient: row["recipient"], kind: NoticeKind(rawValue: row["kind"]) ?? .childUpdated, urgent: row["urgent"],
            title: row["title"], body: row["body"], childId: row["childId"], createdAt: createdAt,
            readAt: (row["readAt"] as Double?).map(Date.init(timeIntervalSince1970:)), deliveries: deliveries)
        return (body, row["seq"])
    }
}
