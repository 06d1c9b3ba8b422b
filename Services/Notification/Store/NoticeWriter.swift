import Foundation
import GRDB
import NotificationDomain

/// Stores planned notices: one inbox row each, and one queued delivery per outgoing channel,
/// all in the caller's transaction (the consumer's inbox transaction or a sweep's), so an event
/// applied twice, or a sweep run twice, writes nothing twice.
struct NoticeWriter: Sendable {
    var quietHours: QuietHours

    /// Writes `notices` caused by `source` (an event id or a digest key); returns how many inbox
    /// rows were new.
    @discardableResult
    func write(_ notices: [PlannedNotice], source: String, now: Date, in db: Database) throws -> Int {
        var written = 0
        let timestamp = now.timeIntervalSince1970
        for notice in notices {
            let id = UUID().uuidString.lowercased()
            try db.execute(sql: """
                INSERT INTO notification (id, seq, recipient, audience, kind, source, childId, urgent, title, body, createdAt)
                VALUES (?, (SELECT ifnull(max(seq), 0) + 1 FROM notification), ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (source, recipient, kind) DO NOTHING
                """, arguments: [id, notice.recipient, notice.audience.rawValue, notice.kind.rawValue, source, notice.childId,
                                 notice.urgent, notice.message.title, notice.message.detail, timestamp])
            guard db.changesCount > 0 else { continue }
            written += 1
            for channel in notice.channels where channel != .inApp {
                guard let address = channel == .sms ? notice.contact.phone : notice.contact.email else { continue }
                // Urgent notices go at once; others by SMS wait for the end of quiet hours.
                let due = channel == .sms && !notice.urgent ? quietHours.release(now) : now
                try db.execute(sql: """
                    INSERT INTO delivery (id, notificationId, channel, kind, address, subject, text, urgent, nextAttemptAt, createdAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [UUID().uuidString.lowercased(), id, channel.rawValue, notice.kind.rawValue, address,
                                     notice.message.title, channel == .sms ? notice.message.sms : notice.message.detail,
                                     notice.urgent, due.timeIntervalSince1970, timestamp])
            }
        }
        return written
    }
}
