import Foundation
import GRDB
import Logging
import NotificationDomain
import ShouhuService

/// Sends queued SMS and e-mail: claims the deliveries that are due, sends them a few at a time,
/// and records each outcome (sent, failed with the next attempt after a backoff, or given up
/// after the limit).
///
/// Exactly-once effect: a delivery is claimed (committed) before it is sent and recorded after.
/// If the process dies in between, the claim is still there at the next start: the delivery is
/// sent again, and for SMS under the same idempotency key, so the gateway sends it once. SMTP has
/// no such key: such an e-mail is counted in `uncertainAttempts` (shown by the stats) and resent
/// with the same Message-ID.
final class DeliveryWorker: Sendable {
    let context: ServiceContext
    let configuration: NotificationConfiguration
    let sms: SMSGateway?
    let mail: SMTPMailer?
    /// Deliveries claimed per round.
    let batchSize: Int
    /// Sends in flight at once.
    let parallelism: Int

    init(context: ServiceContext, configuration: NotificationConfiguration, batchSize: Int = 64, parallelism: Int = 8) {
        self.context = context
        self.configuration = configuration
        sms = configuration.smsURL.map { SMSGateway(url: $0) }
        mail = configuration.smtp.map { SMTPMailer(endpoint: $0, from: configuration.mailFrom) }
        self.batchSize = batchSize
        self.parallelism = parallelism
    }

    /// One claimed delivery.
    struct Job: Sendable {
        var id: String
        var channel: Channel
        var address: String
        var subject: String
        var text: String
        var attempts: Int
    }

    /// Releases claims left by a process that stopped mid-send; returns how many.
    @discardableResult
    func recoverInterrupted() async throws -> Int {
        try await context.database.pool.write { db in
            try db.execute(sql: """
                UPDATE delivery SET claimedAt = NULL,
                    uncertainAttempts = uncertainAttempts + (CASE WHEN channel = 'email' THEN 1 ELSE 0 END)
                WHERE claimedAt IS NOT NULL
                """)
            return db.changesCount
        }
    }

    /// Runs until cancelled: recover, then send what is due, polling when there is nothing.
    func run() async {
        do {
            let recovered = try await recoverInterrupted()
            if recovered > 0 {
                context.logger.warning("deliveries interrupted by the last stop are sent again", metadata: ["count": "\(recovered)"])
            }
        } catch {
            context.logger.error("cannot release interrupted deliveries", metadata: ["error": "\(error)"])
        }
        while !Task.isCancelled {
            var sent = 0
            do {
                sent = try await runOnce()
            } catch is CancellationError {
                break  // the service is stopping; a claimed delivery is released at the next start
            } catch {
                context.logger.error("delivery round failed", metadata: ["error": "\(error)"])
            }
            if sent == 0 { try? await Task.sleep(nanoseconds: UInt64(configuration.pollInterval * 1_000_000_000)) }
        }
    }

    /// Claims the due deliveries of configured channels and sends them; returns how many were
    /// attempted.
    @discardableResult
    func runOnce() async throws -> Int {
        let channels = [Channel.sms, .email].filter { $0 == .sms ? sms != nil : mail != nil }.map(\.rawValue)
        guard !channels.isEmpty else { return 0 }
        let now = context.clock.now().timeIntervalSince1970
        let limit = batchSize
        let jobs: [Job] = try await context.database.pool.write { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, channel, address, subject, text, attempts FROM delivery
                WHERE status IN ('queued', 'failed') AND nextAttemptAt <= ? AND claimedAt IS NULL
                    AND channel IN (\(channels.map { _ in "?" }.joined(separator: ",")))
                ORDER BY urgent DESC, nextAttemptAt LIMIT ?
                """, arguments: StatementArguments([now] + channels + [limit]))
            let jobs = rows.map { row in
                Job(id: row["id"], channel: Channel(rawValue: row["channel"])!, address: row["address"],
                    subject: row["subject"], text: row["text"], attempts: row["attempts"])
            }
            for job in jobs {
                try db.execute(sql: "UPDATE delivery SET claimedAt = ? WHERE id = ?", arguments: [now, job.id])
            }
            return jobs
        }
        await withTaskGroup(of: Void.self) { group in
            var running = 0
            for job in jobs {
                if running == parallelism {
                    await group.next()
                    running -= 1
                }
                group.addTask { await self.attempt(job) }
                running += 1
            }
        }
        return jobs.count
    }

    private func attempt(_ job: Job) async {
        let outcome: SendOutcome
        switch job.channel {
        case .sms:
            outcome = await sms!.send(to: job.address, text: job.text, idempotencyKey: job.id)
        case .email:
            outcome = await mail!.send(to: job.address, subject: job.subject, body: job.text, messageId: job.id,
                                       date: context.clock.now())
        case .inApp:
            return
        }
        // Stopped mid-send: leave the claim, so the next start knows this one may have gone out.
        if Task.isCancelled { return }
        do {
            try await record(outcome, for: job)
        } catch {
            context.logger.error("cannot record a delivery outcome", metadata: ["delivery": "\(job.id)", "error": "\(error)"])
        }
    }

    private func record(_ outcome: SendOutcome, for job: Job) async throws {
        let now = context.clock.now()
        let attempts = job.attempts + 1
        let retry = configuration.retry
        try await context.database.pool.write { db in
            switch outcome {
            case .sent(let reference):
                try db.execute(sql: """
                    UPDATE delivery SET status = 'sent', attempts = ?, sentAt = ?, gatewayReference = ?, lastError = NULL,
                        claimedAt = NULL WHERE id = ?
                    """, arguments: [attempts, now.timeIntervalSince1970, reference, job.id])
            case .temporary(let reason) where retry.mayRetry(after: attempts):
                let next = now.addingTimeInterval(retry.delay(afterAttempt: attempts))
                try db.execute(sql: """
                    UPDATE delivery SET status = 'failed', attempts = ?, nextAttemptAt = ?, lastError = ?, claimedAt = NULL
                    WHERE id = ?
                    """, arguments: [attempts, next.timeIntervalSince1970, reason, job.id])
            case .temporary(let reason), .permanent(let reason):
                try db.execute(sql: """
                    UPDATE delivery SET status = 'given_up', attempts = ?, lastError = ?, claimedAt = NULL WHERE id = ?
                    """, arguments: [attempts, reason, job.id])
            }
        }
        if case .sent = outcome { return }
        context.logger.warning("delivery attempt failed",
                               metadata: ["delivery": "\(job.id)", "channel": "\(job.channel.rawValue)", "attempts": "\(attempts)"])
    }
}
