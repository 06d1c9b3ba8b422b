import Foundation
import GRDB
import Logging

/// Scheduled work that finds what is due and records it, in one transaction per run: overdue
/// visits, reassessments due, aged-out children, monthly parent reports.
///
/// The work function marks what it found and appends the events to the outbox in the same
/// transaction, so a restart neither alerts twice nor forgets. The clock is injected, so tests
/// can move time.
public struct ScheduledSweep: Sendable {
    /// A name for logs.
    public let name: String
    /// How often to run.
    public let interval: TimeInterval
    private let database: ServiceDatabase
    private let clock: @Sendable () -> Date
    private let work: @Sendable (Database, Date) throws -> Int
    private let logger: Logger

    /// - Parameters:
    ///   - clock: what "now" is; the real time in production, a movable one in tests.
    ///   - work: finds and records due work inside the transaction; returns how many items it
    ///     recorded.
    public init(name: String, interval: TimeInterval, database: ServiceDatabase,
                clock: @escaping @Sendable () -> Date = { Date() }, logger: Logger,
                work: @escaping @Sendable (Database, Date) throws -> Int) {
        self.name = name
        self.interval = interval
        self.database = database
        self.clock = clock
        self.work = work
        self.logger = logger
    }

    /// Runs once now, in one write transaction; returns how many items were recorded.
    @discardableResult
    public func runOnce() async throws -> Int {
        let now = clock()
        return try await database.pool.write { db in try work(db, now) }
    }

    /// Runs at the interval until the task is cancelled. A failed run is logged and tried again
    /// at the next interval; nothing it did is kept, because its transaction rolled back.
    public func run() async {
        while !Task.isCancelled {
            do {
                let count = try await runOnce()
                if count > 0 { logger.info("sweep recorded work", metadata: ["sweep": "\(name)", "items": "\(count)"]) }
            } catch {
                logger.error("sweep failed", metadata: ["sweep": "\(name)", "error": "\(error)"])
            }
            try? await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000))
        }
    }
}
