import Foundation
import GRDB
import IntakeDomain
import IntakeImport
import ShouhuEvents
import ShouhuService
import ShouhuStore

/// Imports a ledger file row by row through the ledger's own registration, so each row obeys
/// the rules of `POST /children`.
///
/// Rows go in batches, one write transaction each, which holds every row's child, its event and
/// its result in `import_rows`, and the running counts in `imports`: a row is registered whole
/// with its event or not at all, a crash loses at most the batch being written (none of it
/// recorded, so `import_rows` says exactly which rows are done), and nothing of the result is
/// held in memory while `GET /imports/{id}` shows the progress. A bad row is rejected by the
/// checks before anything of it is written (`Ledger.commit` throws its own errors only then), so
/// it never spoils its batch and no per-row savepoint is needed; an error of the store ends the
/// import with the batches before it kept.
struct LedgerImporter: Sendable {
    let ledger: Ledger
    let database: ServiceDatabase
    /// Rows per write transaction: each commit syncs the WAL and rewrites the leaf pages of the
    /// children's random-keyed indexes, so fewer, larger batches write less.
    var batchSize = 2000

    /// What the import has done so far.
    struct Counts: Sendable {
        var rowsRead = 0
        var created = 0
        var duplicates = 0
        var rejected = 0
    }

    /// One row read and checked, ready for the store: its file prepared, or why it is rejected.
    struct PreparedRow: Sendable {
        var rowNumber: Int
        var outcome: Result<Ledger.PreparedChild, APIError>
    }

    /// A batch's rows prepared, and whether the file ended with it.
    struct PreparedBatch: Sendable {
        var rows: [PreparedRow]
        var isLast: Bool
    }

    /// Runs the import `importId` (already recorded as running) over `source` and marks it
    /// finished, or failed when the rest of the file could not be read (the rows before stay).
    ///
    /// Two stages overlap: while the store writes one batch, the next is read, checked, sealed
    /// and encoded on another task.
    /// - Parameter now: the clock, asked once per batch.
    func run(importId: String, source: ImportSource, caller: Caller, now: @escaping @Sendable () -> Date) async throws -> Counts {
        var counts = Counts()
        let reader = BatchReader(source: source, batchSize: batchSize)
        let ledger = self.ledger
        let builder = source.rowBuilder
        func prepareNext() -> Task<PreparedBatch, any Error> {
            Task {
                let cells = reader.read()
                let rows = try await Self.prepareInHalves(cells, builder: builder, ledger: ledger, caller: caller,
                                                          now: now(), correlationId: importId)
                return PreparedBatch(rows: rows, isLast: cells.count < batchSize)
            }
        }
        try await tuneWriter(importing: true)
        var preparing = prepareNext()
        do {
            while true {
                let batch = try await preparing.value
                preparing = batch.isLast ? Task { PreparedBatch(rows: [], isLast: true) } : prepareNext()
                if !batch.rows.isEmpty {
                    counts = try await database.pool.write { [counts] db in
                        try self.apply(batch.rows, importId: importId, caller: caller, counts: counts, in: db)
                    }
                }
                if batch.isLast { break }
            }
        } catch {
            try? await tuneWriter(importing: false)
            throw error
        }
        try await tuneWriter(importing: false)
        let finalFailure = reader.failure
        try await database.pool.write { db in
            try db.execute(sql: "UPDATE imports SET status = ?, finishedAt = ?, failure = ? WHERE id = ?",
                           arguments: [finalFailure == nil ? "finished" : "failed", now().timeIntervalSince1970,
                                       finalFailure?.message, importId])
        }
        return counts
    }

    /// The writer's page cache while an import runs, in SQLite's negative-KiB form (16 MiB).
    ///
    /// A batch touches a few thousand pages (the children table, its six indexes, the outbox and
    /// `import_rows`); in SQLite's default cache of 2 MiB they spill to the WAL in the middle of
    /// the transaction and are written again at its commit. With room for them each page is
    /// written once, at the commit. 16 MiB is as fast as 32 for batches of 2,000 rows, and with
    /// 32 the peak of three imports in a row reached 205–235 MiB (148–167 MiB at 16).
    static let importCacheKiB = -16_384
    /// SQLite's default, which the writer gets back after an import.
    static let defaultCacheKiB = -2_000

    /// The writer's WAL auto-checkpoint while an import runs, in pages (about 80 MiB of WAL).
    ///
    /// At SQLite's default of 1,000 pages every batch's commit ran a checkpoint on the writer,
    /// copying the pages just written into the database file and syncing it: half the writes of
    /// an import, and a sync per batch, while the next batch waited. The random-keyed indexes put
    /// most of their leaf pages in every batch, so a checkpoint every few batches copies each of
    /// those pages once instead of once per batch. Every commit still syncs the WAL
    /// (`synchronous=FULL`), so nothing committed can be lost; only the WAL file is longer.
    static let importCheckpointPages = 20_000
    /// SQLite's default, which the writer gets back after an import.
    static let defaultCheckpointPages = 1_000

    /// Sets the writer's cache and checkpoint interval: `importing` for an import's batches,
    /// else SQLite's defaults.
    private func tuneWriter(importing: Bool) async throws {
        let (cache, pages) = importing ? (Self.importCacheKiB, Self.importCheckpointPages)
            : (Self.defaultCacheKiB, Self.defaultCheckpointPages)
        try await database.pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA cache_size = \(cache)")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(pages)")
        }
    }

    /// Reads the file a batch at a time, for one task at a time: the importer awaits each
    /// batch's task before it starts the next, so the source is never read by two at once.
    final class BatchReader: @unchecked Sendable {
        // @unchecked: `source` and `failure` are touched by one task at a time (see above).
        private let source: ImportSource
        private let batchSize: Int
        /// The error that ended the file early, if any.
        private(set) var failure: ImportError?

        init(source: ImportSource, batchSize: Int) {
            self.source = source
            self.batchSize = batchSize
        }

        /// The next rows' cells, up to a batch (blank rows included); fewer at the end of the file
        /// or after a failure.
        func read() -> [SpreadsheetRow] {
            var batch: [SpreadsheetRow] = []
            guard failure == nil else { return batch }
            batch.reserveCapacity(batchSize)
            do throws(ImportError) {
                while batch.count < batchSize, let row = try source.nextCells() { batch.append(row) }
            } catch {
                failure = error
            }
            return batch
        }
    }

    /// Builds and prepares the two halves of a batch at once, so that normalising, checking,
    /// sealing and encoding (as heavy as writing) keep pace with the store on a machine with a
    /// core to spare; only reading the cells, in file order, stays on one task.
    static func prepareInHalves(_ cells: [SpreadsheetRow], builder: LedgerRowBuilder, ledger: Ledger, caller: Caller,
                                now: Date, correlationId: String) async throws -> [PreparedRow] {
        @Sendable func half(_ cells: ArraySlice<SpreadsheetRow>) throws -> [PreparedRow] {
            try prepare(cells.compactMap(builder.build), ledger: ledger, caller: caller, now: now, correlationId: correlationId)
        }
        guard cells.count >= 64 else { return try half(cells[...]) }
        let middle = cells.count / 2
        async let first = half(cells[..<middle])
        let second = try half(cells[middle...])
        return try await first + second
    }

    /// Checks, seals and encodes rows, keeping each row's problem as its result.
    static func prepare(_ rows: [LedgerRow], ledger: Ledger, caller: Caller, now: Date, correlationId: String) throws
        -> [PreparedRow] {
        try rows.map { row in
            if let problem = row.problems.first {
                return PreparedRow(rowNumber: row.rowNumber, outcome: .failure(APIError.badRequest(
                    problem.message, code: problem.code.rawValue, field: problem.field.map(LedgerRow.inputPath))))
            }
            do {
                return PreparedRow(rowNumber: row.rowNumber, outcome: .success(
                    try ledger.prepare(row.input, caller: caller, now: now, correlationId: correlationId)))
            } catch let error as APIError {
                return PreparedRow(rowNumber: row.rowNumber, outcome: .failure(error))
            }
        }
    }

    private func apply(_ rows: [PreparedRow], importId: String, caller: Caller, counts: Counts,
                       in db: Database) throws -> Counts {
        var counts = counts
        let record = try db.cachedStatement(sql: """
            INSERT INTO import_rows (importId, rowNumber, outcome, childId, field, code, message) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        func reject(_ row: PreparedRow, _ error: APIError) throws {
            counts.rejected += 1
            try record.execute(arguments: [importId, row.rowNumber, "rejected", nil, error.field, error.code,
                                           SensitiveText.masked(error.message)])
        }
        for row in rows {
            counts.rowsRead += 1
            let child: Ledger.PreparedChild
            switch row.outcome {
            case .failure(let error):
                try reject(row, error)
                continue
            case .success(let prepared):
                child = prepared
            }
            let outcome: Ledger.Registration
            do {
                outcome = try ledger.commit(child, caller: caller, rule: .importRow, in: db)
            } catch let error as APIError {
                try reject(row, error)
                continue
            }
            switch outcome {
            case .created(let childId, _):
                counts.created += 1
                try record.execute(arguments: [importId, row.rowNumber, "created", childId, nil, nil, nil])
            case .duplicate(let existing):
                counts.duplicates += 1
                try record.execute(arguments: [importId, row.rowNumber, "duplicate", existing, nil, "already_registered",
                                               "This child is already in the ledger; nothing was created."])
            }
        }
        try db.execute(sql: "UPDATE imports SET rowsRead = ?, created = ?, duplicates = ?, rejected = ? WHERE id = ?",
                       arguments: [counts.rowsRead, counts.created, counts.duplicates, counts.rejected, importId])
        return counts
    }
}
