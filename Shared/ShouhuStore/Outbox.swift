import Foundation
import GRDB

/// The transactional outbox (architecture.md, "The path of one event"): a change and the events
/// it causes are written in one SQLite transaction, so either both are stored or neither. The
/// relay publishes the rows afterwards and marks each one only when the broker confirms it.
public final class Outbox: Sendable {
    /// Rung after each commit that appended events (by `OutboxCommitObserver`), so the relay
    /// publishes at once.
    public let signal = WakeSignal()

    init() {}

    /// Appends one already-encoded event inside the caller's transaction.
    ///
    /// - Parameters:
    ///   - id: the envelope id (unique: appending the same id twice throws).
    ///   - routingKey: the event's routing key.
    ///   - body: the encoded envelope.
    public func append(id: String, routingKey: String, body: Data, in db: Database, at now: Date = Date()) throws {
        try db.cachedStatement(sql: "INSERT INTO shouhu_outbox (id, routingKey, body, createdAt) VALUES (?, ?, ?, ?)")
            .execute(arguments: [id, routingKey, body, now.timeIntervalSince1970])
    }

    /// How many events wait to be published.
    public static func depth(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM shouhu_outbox WHERE publishedAt IS NULL") ?? 0
    }

    /// One waiting row, as the relay reads it.
    struct PendingRow: Sendable {
        var seq: Int64
        var id: String
        var routingKey: String
        var body: [UInt8]
        var createdAt: Date
    }

    /// The oldest unpublished rows after a sequence number, in the order they were written.
    static func pending(_ db: Database, after seq: Int64 = 0, limit: Int) throws -> [PendingRow] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT seq, id, routingKey, body, createdAt FROM shouhu_outbox
            WHERE publishedAt IS NULL AND seq > ? ORDER BY seq LIMIT ?
            """), arguments: [seq, limit]).map { row in
            PendingRow(seq: row["seq"], id: row["id"], routingKey: row["routingKey"],
                       body: [UInt8](row["body"] as Data),
                       createdAt: Date(timeIntervalSince1970: row["createdAt"]))
        }
    }
}
