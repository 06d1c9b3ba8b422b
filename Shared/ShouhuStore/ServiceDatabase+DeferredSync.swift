import GRDB

extension ServiceDatabase {
    /// Runs `updates` in one transaction whose commit does not wait for the disk: the writer
    /// runs it with `synchronous=NORMAL` and is set back to `FULL` before any other write can
    /// start.
    ///
    /// Only for bookkeeping whose loss a crash may cost nothing but repeated work, such as the
    /// relay's "published" marks: a mark that is lost sends its row again, and the consumers'
    /// inboxes drop the repeat (architecture.md: duplicates are possible, loss is not). Never
    /// for an application's change, an outbox row or an inbox row.
    ///
    /// Why the application's transactions keep their guarantee:
    /// - The pool has one writer connection, and GRDB runs every write on it one at a time, so
    ///   no application transaction commits between the two `PRAGMA synchronous` statements.
    /// - In WAL mode `NORMAL` still keeps the file consistent; a crash may only roll back the
    ///   unsynced commits at the end of the WAL. The next `FULL` commit syncs the WAL file,
    ///   frames of this transaction included, so nothing committed with `FULL` is ever lost.
    /// - `FULL` is set back even when the transaction fails. Setting it can only fail when
    ///   SQLite is out of memory; the process then stops rather than let an application write
    ///   commit unsynced.
    public func writeWithDeferredSync<T: Sendable>(_ updates: @Sendable (Database) throws -> T) async throws -> T {
        try await pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            defer { Self.restoreFullSync(db) }
            var value: T?
            try db.inTransaction {
                value = try updates(db)
                return .commit
            }
            return value!
        }
    }

    private static func restoreFullSync(_ db: Database) {
        do {
            try db.execute(sql: "PRAGMA synchronous = FULL")
        } catch {
            preconditionFailure("cannot set synchronous=FULL back on the writer: \(error)")
        }
    }
}
