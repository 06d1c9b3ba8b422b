import Foundation
import GRDB
import Hummingbird
import NotificationDomain
import ShouhuService

/// `GET /notifications/stats`: deliveries by channel and kind — sent, pending (queued or waiting
/// to retry), retrying (pending after a failure), failed (given up) and possible duplicates
/// (e-mails resent after a stop mid-send, which SMTP cannot deduplicate). The in-app channel
/// counts inbox entries, all sent.
struct StatsRoutes: Sendable {
    let context: ServiceContext

    /// One channel and kind.
    struct KindCount: Codable, Sendable {
        var channel: Channel
        var kind: NoticeKind
        var sent: Int
        var pending: Int
        var retrying: Int
        var failed: Int
        var possibleDuplicates: Int
    }

    /// The whole answer: the rows and their totals per channel.
    struct Body: ResponseEncodable, Sendable {
        var items: [KindCount]
        var totals: [ChannelTotal]
    }

    /// Totals for one channel.
    struct ChannelTotal: Codable, Sendable {
        var channel: Channel
        var sent: Int
        var pending: Int
        var retrying: Int
        var failed: Int
        var possibleDuplicates: Int
    }

    func add(to router: Router<ShouhuRequestContext>) {
        router.get("/notifications/stats") { _, requestContext in
            _ = try requestContext.requireCaller([.admin, .countyOfficer, .auditor])
            return try await context.database.pool.read { db in try Self.stats(db) }
        }
    }

    static func stats(_ db: Database) throws -> Body {
        var items: [KindCount] = []
        for row in try Row.fetchAll(db, sql: "SELECT kind, count(*) AS n FROM notification GROUP BY kind ORDER BY kind") {
            guard let kind = NoticeKind(rawValue: row["kind"]) else { continue }
            items.append(KindCount(channel: .inApp, kind: kind, sent: row["n"], pending: 0, retrying: 0, failed: 0, possibleDuplicates: 0))
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT channel, kind,
                sum(status = 'sent') AS sent,
                sum(status IN ('queued', 'failed')) AS pending,
                sum(status = 'failed') AS retrying,
                sum(status = 'given_up') AS failed,
                sum(uncertainAttempts) AS uncertain
            FROM delivery GROUP BY channel, kind ORDER BY channel DESC, kind
            """) {
            guard let channel = Channel(rawValue: row["channel"]), let kind = NoticeKind(rawValue: row["kind"]) else { continue }
            items.append(KindCount(channel: channel, kind: kind, sent: row["sent"], pending: row["pending"], retrying: row["retrying"],
                              failed: row["failed"], possibleDuplicates: row["uncertain"]))
        }
        let totals = Channel.allCases.map { channel in
            let rows = items.filter { $0.channel == channel }
            return ChannelTotal(channel: channel, sent: rows.map(\.sent).reduce(0, +), pending: rows.map(\.pending).reduce(0, +),
                             retrying: rows.map(\.retrying).reduce(0, +), failed: rows.map(\.failed).reduce(0, +),
                             possibleDuplicates: rows.map(\.possibleDuplicates).reduce(0, +))
        }
        return Body(items: items, totals: totals)
    }
}
