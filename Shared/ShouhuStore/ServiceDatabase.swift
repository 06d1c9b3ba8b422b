import Foundation
import GRDB

/// A service's own SQLite file: `<directory>/<service>.sqlite`, opened once per process as a GRDB
/// `DatabasePool` in WAL mode, migrated on open, with the shared outbox and inbox tables.
///
/// Durability matters more than speed here: a consumer acks a message only after its
/// transaction commits, so a power cut must not undo a commit whose message is already acked.
/// The pool therefore runs with `synchronous=FULL`. GRDB quietly sets `NORMAL` on the writer
/// while opening a pool in WAL mode, so FULL is set again afterwards (see `init`); the store tests
/// check that it holds.
///
/// Temporary data stays in memory (`temp_store=MEMORY`). Inside a transaction of several
/// statements, SQLite keeps a statement journal for any statement that may fail half-way (the
/// relay's marks, a sweep's upsert of thousands of rows), and spills it to a new file in
/// `/var/tmp` once it passes 64 KiB: a file created, written and unlinked for every such
/// transaction. In memory it costs at most the pages the statement changes. Measured with the
/// pipeline and mentoring-sweep benchmarks (README).
public final class ServiceDatabase: Sendable {
    /// The connection pool: one writer, several readers.
    public let pool: DatabasePool
    /// The service's name, which is also the file name.
    public let service: String
    /// Where the file is.
    public let path: String
    /// The transactional outbox of this database.
    public let outbox: Outbox

    /// Opens (creating if needed) the service's database and runs every migration not yet run:
    /// the shared ones first (outbox, inbox), then the service's own.
    ///
    /// - Parameters:
    ///   - directory: `SHOUHU_DATA_DIR`; created if missing.
    ///   - migrations: registers the service's own migrations, in order. A migration that has
    ///     shipped is never edited; a change is a new migration.
    public init(directory: String, service: String,
                migrations: (inout DatabaseMigrator) -> Void = { _ in }) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        self.service = service
        self.path = (directory as NSString).appendingPathComponent("\(service).sqlite")
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            try db.execute(sql: "PRAGMA temp_store = MEMORY")  // see the type's comment
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        var migrator = DatabaseMigrator()
        SharedMigrations.register(in: &migrator)
        migrations(&migrator)
        try migrator.migrate(pool)
        outbox = Outbox()
        pool.add(transactionObserver: OutboxCommitObserver(signal: outbox.signal), extent: .databaseLifetime)
    }

    /// The writer's `synchronous` setting (2 is FULL), to check durability.
    public func synchronousMode() throws -> Int {
        try pool.writeWithoutTransaction { db in
            try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1
        }
    }

    /// Whether the file can be read right now (for `/health/ready`).
    public func isReadable() async -> Bool {
        do {
            return try await pool.read { db in try Int.fetchOne(db, sql: "SELECT 1") == 1 }
        } catch {
            return false
        }
    }
}
