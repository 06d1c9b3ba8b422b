import Foundation
import GRDB
import Logging
import ShouhuEvents
import ShouhuMessaging

/// Applies deliveries from the broker exactly once each, by envelope id (the inbox).
///
/// A batch of waiting deliveries is applied in one transaction: for each, the envelope id goes
/// into `shouhu_inbox` (already there: a duplicate, skipped), the router applies the handler,
/// and the handler's follow-on events go into the outbox — all committed together, and only then
/// acked. If anything in the batch fails, the transaction rolls back and the deliveries are
/// applied one at a time, so one bad delivery cannot sink the others: a body that can never be
/// applied (not JSON, unknown version, invalid payload, another county, no handler) is
/// dead-lettered; any other failure is retried, bounded by the queue's delivery limit.
public struct InboxHandler: DeliveryHandler {
    private let database: ServiceDatabase
    private let router: EventRouter
    private let county: String
    private let codec = EventCodec()
    private let logger: Logger

    /// - Parameter county: the county this deployment serves; events for another are rejected.
    public init(database: ServiceDatabase, router: EventRouter, county: String, logger: Logger) {
        self.database = database
        self.router = router
        self.county = county
        self.logger = logger
    }

    public func handle(_ batch: [Delivery]) -> [DeliveryDisposition] {
        if batch.count > 1 {
            do {
                try database.pool.write { db in
                    for delivery in batch { try apply(delivery, in: db) }
                }
                return batch.map { _ in .ack }
            } catch {
                logger.debug("batch failed; applying one at a time", metadata: ["size": "\(batch.count)", "error": "\(error)"])
            }
        }
        return batch.map { delivery in
            do {
                try database.pool.write { db in try apply(delivery, in: db) }
                return .ack
            } catch let error as EventDecodingError {
                return .deadLetter(reason: "\(error)")
            } catch let error as EventRejection {
                return .deadLetter(reason: error.reason)
            } catch {
                return .retry(reason: "\(error)")
            }
        }
    }

    private func apply(_ delivery: Delivery, in db: Database) throws {
        // One decode per delivery: the router decodes the body as the event its routing key
        // names, then the inbox admits it only the first time its envelope id is seen.
        try router.apply(db, routingKey: delivery.routingKey, body: Data(delivery.body), codec: codec) { header in
            guard header.county == county else {
                throw EventRejection("event for county \(header.county); this deployment serves \(county)")
            }
            // One statement: the row goes in only the first time; no change means a duplicate.
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO shouhu_inbox (id, routingKey, receivedAt) VALUES (?, ?, ?)")
                .execute(arguments: [header.id, header.type, Date().timeIntervalSince1970])
            return db.changesCount == 1
        }
    }
}
