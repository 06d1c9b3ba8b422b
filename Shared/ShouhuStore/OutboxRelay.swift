import Foundation
import GRDB
import Logging
import Metrics
import ShouhuMessaging

/// Something that publishes messages with confirms and reports each outcome: the
/// `ConfirmingPublisher` in production, a scripted one in tests of the relay's bookkeeping.
public protocol ConfirmedPublishing: Sendable {
    /// Queues the messages at once, in call order, and returns the ticket for their outcomes.
    func submit(_ messages: [OutgoingMessage]) -> PublishTicket
}

extension ConfirmingPublisher: ConfirmedPublishing {}

/// Moves events from a service's outbox to the broker.
///
/// Reads the oldest unpublished rows, publishes them (many in flight, with confirms), and marks
/// a row published only when the broker acked it. A nack, a timeout or a lost connection leaves
/// the row to be sent again on the next pass, after a backoff — so an event may reach the broker
/// twice, and the consumers' inboxes make that harmless, but it is never lost. Published rows are
/// kept for `retention` (for audits and replays) and then deleted.
public final class OutboxRelay: Sendable {
    private let database: ServiceDatabase
    private let publisher: any ConfirmedPublishing
    private let producer: String
    private let batchSize: Int
    private let retention: TimeInterval
    private let idleTimeout: TimeInterval
    private let passesInFlight: Int
    private let logger: Logger
    private let depthGauge = EventMetrics.outboxDepth()

    /// - Parameters:
    ///   - producer: the service's name, sent as the AMQP `app_id`.
    ///   - batchSize: rows read and published per pass.
    ///   - retention: how long published rows are kept before they are deleted.
    ///   - idleTimeout: when idle, the longest wait before looking again even if no commit rang
    ///     the wake signal (a safety net; commits wake the relay at once).
    ///   - passesInFlight: how many batches may await their confirms and marks at once. Two were
    ///     too few: while a mark waited for the writer, the publisher ran dry.
    public init(database: ServiceDatabase, publisher: any ConfirmedPublishing, producer: String,
                batchSize: Int = 500, retention: TimeInterval = 30 * 86_400, idleTimeout: TimeInterval = 1,
                passesInFlight: Int = 8, logger: Logger) {
        self.database = database
        self.publisher = publisher
        self.producer = producer
        self.batchSize = max(1, batchSize)
        self.retention = retention
        self.idleTimeout = idleTimeout
        self.passesInFlight = max(1, passesInFlight)
        self.logger = logger
    }

    /// What one pass did.
    public struct PassResult: Sendable, Equatable {
        public var published: Int
        public var failed: Int
        /// True when the pass read a full batch, so more rows are probably waiting.
        public var more: Bool

        public init(published: Int, failed: Int, more: Bool) {
            self.published = published
            self.failed = failed
            self.more = more
        }
    }

    /// Publishes one batch of waiting rows and records the outcomes.
    public func publishPending() async throws -> PassResult {
        try await dispatch(try await readPending(after: 0)).value
    }

    /// The oldest unpublished rows with a sequence number above `cursor`.
    private func readPending(after cursor: Int64) async throws -> [Outbox.PendingRow] {
        try await database.pool.read { db in try Outbox.pending(db, after: cursor, limit: self.batchSize) }
    }

    /// Hands rows to the publisher now — so batches go out in the order they were read — and
    /// returns the task that waits for their outcomes and records them.
    private func dispatch(_ rows: [Outbox.PendingRow]) -> Task<PassResult, any Error> {
        if rows.isEmpty { return Task { PassResult(published: 0, failed: 0, more: false) } }
        let messages = rows.map {
            OutgoingMessage(routingKey: $0.routingKey, messageId: $0.id, body: $0.body, timestamp: $0.createdAt, appId: producer)
        }
        let ticket = publisher.submit(messages)
        return Task { try await self.record(rows, await ticket.outcomes()) }
    }

    /// Records, per row, published or another attempt failed.
    private func record(_ rows: [Outbox.PendingRow], _ outcomes: [PublishOutcome]) async throws -> PassResult {
        var confirmed: [Int64] = []
        var failed: [(Int64, String)] = []
        for (row, outcome) in zip(rows, outcomes) {
            switch outcome {
            case .confirmed: confirmed.append(row.seq)
            case .nacked: failed.append((row.seq, "nacked by broker"))
            case .unconfirmed(let reason): failed.append((row.seq, reason))
            }
        }
        let now = Date().timeIntervalSince1970
        // Chunked so that a big batch stays under SQLite's limit on bound parameters.
        let confirmedChunks = stride(from: 0, to: confirmed.count, by: 400).map {
            Array(confirmed[$0..<min($0 + 400, confirmed.count)])
        }
        let failures = failed
        // The marks commit without an fsync of their own: a mark lost in a crash only sends
        // its row again, which the consumers' inboxes drop; the next application commit syncs
        // the marks with it (see `writeWithDeferredSync`).
        try await database.writeWithDeferredSync { db in
            for chunk in confirmedChunks {
                let marks = databaseQuestionMarks(count: chunk.count)
                try db.execute(
                    sql: "UPDATE shouhu_outbox SET publishedAt = ?, attempts = attempts + 1, lastError = NULL WHERE seq IN (\(marks))",
                    arguments: StatementArguments([now] + chunk))
            }
            for (seq, reason) in failures {
                try db.execute(sql: "UPDATE shouhu_outbox SET attempts = attempts + 1, lastError = ? WHERE seq = ?",
                               arguments: [String(reason.prefix(500)), seq])
            }
        }
        var perType: [String: Int] = [:]
        for (row, outcome) in zip(rows, outcomes) where outcome.isConfirmed { perType[row.routingKey, default: 0] += 1 }
        for (type, count) in perType {
            EventMetrics.published(type: type).increment(by: count)
        }
        return PassResult(published: confirmed.count, failed: failed.count, more: rows.count == batchSize)
    }

    /// Relays until the task is cancelled: publishes whenever rows wait, sleeps until the next
    /// commit (or a second) when none do, and backs off while the broker is away.
    ///
    /// Up to `passesInFlight` batches may be in flight at once: the next is read and handed to
    /// the publisher while the broker still confirms the earlier ones and they are marked, so the
    /// relay neither idles for a confirm round trip nor stalls while its marks wait for the
    /// store's one writer (behind a long import transaction, say). Rows are still marked only
    /// once confirmed. After any failure it waits for everything in flight, then reads again from
    /// the oldest unpublished row.
    public func run() async {
        var backoff = Backoff(base: 0.2, cap: 10)
        var lastPrune = Date.distantPast
        var lastDepth = Date.distantPast
        var cursor: Int64 = 0
        var inFlight: [Task<PassResult, any Error>] = []

        /// Waits for the oldest pass in flight; false when it did not go through whole.
        func settleOldest() async -> Bool {
            guard !inFlight.isEmpty else { return true }
            let pass = inFlight.removeFirst()
            do {
                let result = try await pass.value
                if result.failed == 0 { return true }
                logger.warning("outbox rows not confirmed; will resend", metadata: ["failed": "\(result.failed)"])
            } catch is CancellationError {
                // Shutting down: the rows stay in the outbox and go out at the next start.
            } catch {
                logger.error("outbox relay pass failed", metadata: ["error": "\(error)"])
            }
            return false
        }
        func settleAll() async {
            while !inFlight.isEmpty { _ = await settleOldest() }
        }

        while !Task.isCancelled {
            var healthy = true
            do {
                let rows = try await readPending(after: cursor)
                if rows.isEmpty {
                    if !inFlight.isEmpty {
                        healthy = await settleOldest()
                    } else {
                        cursor = 0
                        await database.outbox.signal.wait(timeout: idleTimeout)
                    }
                } else {
                    cursor = rows[rows.count - 1].seq
                    inFlight.append(dispatch(rows))
                    if inFlight.count >= passesInFlight { healthy = await settleOldest() }
                }
                if Date().timeIntervalSince(lastDepth) > 5 {
                    lastDepth = Date()
                    depthGauge.record(try await database.pool.read { db in try Outbox.depth(db) })
                }
                if Date().timeIntervalSince(lastPrune) > 3600 {
                    lastPrune = Date()
                    try await prunePublished(before: Date() - retention)
                }
            } catch is CancellationError {
                // Shutting down: the rows stay in the outbox and go out at the next start.
            } catch {
                logger.error("outbox relay pass failed", metadata: ["error": "\(error)"])
                healthy = false
            }
            if healthy {
                backoff.reset()
            } else {
                await settleAll()
                cursor = 0
                try? await Task.sleep(nanoseconds: UInt64(backoff.next() * 1_000_000_000))
            }
        }
        await settleAll()
    }

    /// Deletes published rows older than the cut-off.
    public func prunePublished(before cutoff: Date) async throws {
        try await database.pool.write { db in
            try db.execute(sql: "DELETE FROM shouhu_outbox WHERE publishedAt IS NOT NULL AND publishedAt < ?",
                           arguments: [cutoff.timeIntervalSince1970])
        }
    }
}
