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
    var batchSize = 1000

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

    /// Runs the import `importId` (already recorded as running) over `source` and marks it
    /// finished, or failed when the rest of the file could not be read (the rows before stay).
    ///
    /// Two stages overlap: while the store writes one batch, the next is read, checked, sealed
    /// and encoded on another task.
    /// - Parameter now: the clock, asked once per batch.
    func run(importId: String, source: ImportSource, caller: Caller, now: @escaping @Sendable () -> Date) async throws -> Counts {
        var counts = Counts()
        var failure: ImportError?
        func readBatch() -> [LedgerRow] {
            var batch: [LedgerRow] = []
            guard failure == nil else { return batch }
            batch.reserveCapacity(batchSize)
            do throws(ImportError) {
                while batch.count < batchSize, let row = try source.nextRow() { batch.append(row) }
            } catch {
                failure = error
            }
            return batch
        }
        let ledger = self.ledger
        func prepare(_ rows: [LedgerRow]) -> Task<[PreparedRow], any Error> {
            Task { try Self.prepare(rows, ledger: ledger, caller: caller, now: now(), correlationId: importId) }
        }
        var preparing = prepare(readBatch())
        while true {
            let prepared = try await preparing.value
            guard !prepared.isEmpty else { break }
            preparing = prepare(prepared.count < batchSize ? [] : readBatch())
            counts = try await database.pool.write { [counts] db in
                try self.apply(prepared, importId: importId, caller: caller, counts: counts, in: db)
            }
        }
        let finalFailure = failure
        try await database.pool.write { db in
            try db.execute(sql: "UPDATE imports SET status = ?, finishedAt = ?, failure = ? WHERE id = ?",
                           arguments: [finalFailure == nil ? "finished" : "failed", now().timeIntervalSince1970,
                                       finalFailure?.message, importId])
        }
        return counts
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
            var outcome: Ledger.Registration?
            do {
                try db.inSavepoint {
                    outcome = try ledger.commit(child, caller: caller, rule: .importRow, in: db)
                    return .commit
                }
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
            case nil:
                break
            }
        }
        try db.execute(sql: "UPDATE imports SET rowsRead = ?, created = ?, duplicates = ?, rejected = ? WHERE id = ?",
                       arguments: [counts.rowsRead, counts.created, counts.duplicates, counts.rejected, importId])
        return counts
    }
}
