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
/// Rows go in batches, one write transaction each; each row is its own savepoint, so a row is
/// registered whole with its event or not at all, and a bad row never spoils its batch. Each
/// row's result is written to `import_rows` as it is decided, and the running counts to
/// `imports`, so nothing of the result is held in memory and `GET /imports/{id}` shows the
/// progress while the file is read.
struct LedgerImporter: Sendable {
    let ledger: Ledger
    let database: ServiceDatabase
    /// Rows per write transaction.
    var batchSize = 500

    /// What the import has done so far.
    struct Counts: Sendable {
        var rowsRead = 0
        var created = 0
        var duplicates = 0
        var rejected = 0
    }

    /// Runs the import `importId` (already recorded as running) over `source` and marks it
    /// finished, or failed when the rest of the file could not be read (the rows before stay).
    /// - Parameter now: the clock, asked once per batch.
    func run(importId: String, source: ImportSource, caller: Caller, now: @Sendable () -> Date) async throws -> Counts {
        var counts = Counts()
        var failure: ImportError?
        while true {
            var batch: [LedgerRow] = []
            batch.reserveCapacity(batchSize)
            do throws(ImportError) {
                while batch.count < batchSize, let row = try source.nextRow() { batch.append(row) }
            } catch {
                failure = error
            }
            if !batch.isEmpty {
                let rows = batch
                counts = try await database.pool.write { [counts] db in
                    try self.apply(rows, importId: importId, caller: caller, now: now(), counts: counts, in: db)
                }
            }
            if failure != nil || batch.count < batchSize { break }
        }
        let finalFailure = failure
        try await database.pool.write { db in
            try db.execute(sql: "UPDATE imports SET status = ?, finishedAt = ?, failure = ? WHERE id = ?",
                           arguments: [finalFailure == nil ? "finished" : "failed", now().timeIntervalSince1970,
                                       finalFailure?.message, importId])
        }
        return counts
    }

    private func apply(_ rows: [LedgerRow], importId: String, caller: Caller, now: Date, counts: Counts,
                       in db: Database) throws -> Counts {
        var counts = counts
        let record = try db.cachedStatement(sql: """
            INSERT INTO import_rows (importId, rowNumber, outcome, childId, field, code, message) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for row in rows {
            counts.rowsRead += 1
            if let problem = row.problems.first {
                counts.rejected += 1
                try record.execute(arguments: [importId, row.rowNumber, "rejected", nil,
                                               problem.field.map(LedgerRow.inputPath), problem.code.rawValue, problem.message])
                continue
            }
            var outcome: Ledger.Registration?
            do {
                try db.inSavepoint {
                    outcome = try ledger.register(row.input, caller: caller, now: now, rule: .importRow,
                                                  correlationId: importId, in: db)
                    return .commit
                }
            } catch let error as APIError {
                counts.rejected += 1
                try record.execute(arguments: [importId, row.rowNumber, "rejected", nil, error.field, error.code,
                                               SensitiveText.masked(error.message)])
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
            case nil:
                break
            }
        }
        try db.execute(sql: "UPDATE imports SET rowsRead = ?, created = ?, duplicates = ?, rejected = ? WHERE id = ?",
                       arguments: [counts.rowsRead, counts.created, counts.duplicates, counts.rejected, importId])
        return counts
    }
}
