import Foundation
import GRDB
import GRDBSQLite
import Mentoring
import ShouhuStore

/// One committed worst-case sweep, timed from the start of its transaction to the return of its
/// COMMIT, on a fresh copy of the loaded store (so every round starts from the same file, with
/// no WAL yet, as on the day the worst case first happens).
///
/// The time is split in three, without changing what SQLite does:
/// - **work**: the sweep's statements and encoding, including the pages the writer's page cache
///   spills to the WAL in the middle of the transaction;
/// - **WAL commit**: COMMIT up to the fsync of the WAL, when the sweep is durable;
/// - **checkpoint**: the automatic checkpoint SQLite then runs inside the same COMMIT (the WAL
///   passed `wal_autocheckpoint` frames). The hook that marks the split runs that checkpoint
///   exactly as SQLite's default hook would.
///
/// When the WAL stays under `wal_autocheckpoint` frames (the smaller sizes), no checkpoint runs
/// inside the COMMIT and the next writer pays for copying these pages. So that sizes compare
/// fairly, such a round then checkpoints its own pages, timed apart (`deferredCheckpoint`), and
/// `totalWithCheckpoint` counts every size with the checkpoint of what it wrote.
struct CommittedSweepRound {
    var alerts = 0
    var total = 0.0
    var work = 0.0
    var walCommit = 0.0
    var checkpoint = 0.0
    /// The checkpoint of this round's pages when SQLite left it to the next writer; 0 when it
    /// ran inside the COMMIT.
    var deferredCheckpoint = 0.0
    /// The total with this round's checkpoint, wherever it ran: what growth is judged on.
    var totalWithCheckpoint: Double { total + deferredCheckpoint }
    /// Process CPU time (all threads) over the whole round.
    var cpu = 0.0
    /// CPU time of the writer's thread during the work: far below `work` when it waits for
    /// the encoding workers (or for the CPU).
    var writerCPU = 0.0
    /// Pages the writer's cache spilled to the WAL before COMMIT.
    var spilledPages = 0
    /// Frames in the WAL after the commit: every page the transaction wrote, once.
    var walFrames = 0
    /// Bytes each B-tree (table or index) grew by, largest first (filled when asked for).
    var growth: [(name: String, bytes: Int)] = []

    /// Runs the round in `directory` on a copy of `snapshot` (a checkpointed store file).
    static func run(
        snapshot: String, in directory: String, at instant: Date, measureGrowth: Bool,
        makeStore: (ServiceDatabase) -> MentoringStore, migrations: @escaping (inout DatabaseMigrator) -> Void
    ) throws -> CommittedSweepRound {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.copyItem(atPath: snapshot, toPath: (directory as NSString).appendingPathComponent("mentoring.sqlite"))
        let database = try ServiceDatabase(directory: directory, service: "mentoring", migrations: migrations)
        defer { try? database.pool.close() }
        let store = makeStore(database)
        let before = measureGrowth ? try treeSizes(database) : [:]
        var round = CommittedSweepRound()
        let marks = CommitMarks()
        try database.pool.writeWithoutTransaction { db in
            let connection = db.sqliteConnection
            let autocheckpoint = try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") ?? 1000
            marks.autocheckpoint = Int32(autocheckpoint)
            sqlite3_wal_hook(connection, markingWalHook, Unmanaged.passUnretained(marks).toOpaque())
            defer { sqlite3_wal_autocheckpoint(connection, Int32(autocheckpoint)) }
            var spilled: Int32 = 0
            var highwater: Int32 = 0
            sqlite3_db_status(connection, SQLITE_DBSTATUS_CACHE_SPILL, &spilled, &highwater, 1)
            let (began, cpuBegan, writerBegan) = (Date(), processCPUSeconds(), threadCPUSeconds())
            var workEnded = began
            try db.inTransaction {
                round.alerts = try store.sweepOverdue(db, at: instant)
                workEnded = Date()
                round.writerCPU = threadCPUSeconds() - writerBegan
                sqlite3_db_status(connection, SQLITE_DBSTATUS_CACHE_SPILL, &spilled, &highwater, 0)
                return .commit
            }
            let ended = Date()
            round.cpu = processCPUSeconds() - cpuBegan
            round.total = ended.timeIntervalSince(began)
            round.work = workEnded.timeIntervalSince(began)
            let committed = marks.committed ?? ended
            round.walCommit = committed.timeIntervalSince(workEnded)
            round.checkpoint = (marks.checkpointed ?? committed).timeIntervalSince(committed)
            round.spilledPages = Int(spilled)
            if marks.frames < marks.autocheckpoint {
                let deferredBegan = Date()
                sqlite3_wal_checkpoint_v2(connection, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
                round.deferredCheckpoint = Date().timeIntervalSince(deferredBegan)
            }
        }
        round.walFrames = Int(marks.frames)
        if measureGrowth {
            let after = try treeSizes(database)
            round.growth = after.map { ($0.key, $0.value - (before[$0.key] ?? 0)) }
                .filter { $0.1 != 0 }.sorted { $0.1 > $1.1 }
        }
        return round
    }

    /// Pages in use per B-tree, in bytes (SQLite's dbstat table).
    private static func treeSizes(_ database: ServiceDatabase) throws -> [String: Int] {
        try database.pool.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name")
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["name"] as String, $0["bytes"] as Int) })
        }
    }
}

/// When the WAL hook ran for the round's commit: `committed` once the WAL is synced, and
/// `checkpointed` once the automatic checkpoint it then ran has returned.
private final class CommitMarks {
    var autocheckpoint: Int32 = 1000
    var frames: Int32 = 0
    var committed: Date?
    var checkpointed: Date?
}

/// SQLite's default WAL hook (checkpoint once the WAL holds `wal_autocheckpoint` frames or more),
/// with the two instants around the checkpoint written down.
private let markingWalHook: @convention(c) (UnsafeMutableRawPointer?, OpaquePointer?, UnsafePointer<CChar>?, Int32) -> Int32 = {
    context, connection, name, frames in
    let marks = Unmanaged<CommitMarks>.fromOpaque(context!).takeUnretainedValue()
    marks.committed = Date()
    marks.frames = frames
    if marks.autocheckpoint > 0 && frames >= marks.autocheckpoint {
        sqlite3_wal_checkpoint(connection, name)
    }
    marks.checkpointed = Date()
    return SQLITE_OK
}

