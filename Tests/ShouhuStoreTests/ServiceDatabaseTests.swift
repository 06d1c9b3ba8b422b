import Foundation
import GRDB
import Testing
import ShouhuEvents
import ShouhuStore

@Suite("Service database")
struct ServiceDatabaseTests {
    @Test func synchronousFullHoldsAfterOpeningAndWriting() throws {
        let database = try makeDatabase()
        #expect(try database.synchronousMode() == 2)
        try database.pool.write { db in
            try database.outbox.append(exitEvent(), in: db)
        }
        #expect(try database.synchronousMode() == 2)
        let journal = try database.pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
    }

    @Test func synchronousFullHoldsAfterTheRelayMarksRows() async throws {
        let database = try makeDatabase()
        try await database.pool.write { db in
            for _ in 0..<5 { try database.outbox.append(exitEvent(), in: db) }
        }
        let relay = OutboxRelay(database: database, publisher: ScriptedPublisher(), producer: "intake", logger: quietLogger)
        #expect(try await relay.publishPending().published == 5)
        #expect(try database.synchronousMode() == 2)
        #expect(try await database.pool.read { db in try Outbox.depth(db) } == 0)
    }

    @Test func aFailedDeferredSyncWriteRollsBackAndRestoresFull() async throws {
        let database = try makeDatabase()
        struct Failure: Error {}
        await #expect(throws: Failure.self) {
            try await database.writeWithDeferredSync { db in
                try database.outbox.append(exitEvent(), in: db)
                throw Failure()
            }
        }
        #expect(try database.synchronousMode() == 2)
        #expect(try await database.pool.read { db in try Outbox.depth(db) } == 0)
    }

    @Test func temporaryDataStaysInMemoryOnTheWriterAndTheReaders() async throws {
        let database = try makeDatabase()
        // 2 is MEMORY: statement journals and sorts never become files in /var/tmp.
        let writer = try await database.pool.write { db in try Int.fetchOne(db, sql: "PRAGMA temp_store") }
        let reader = try await database.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA temp_store") }
        #expect(writer == 2)
        #expect(reader == 2)
    }

    @Test func reopeningRunsNoMigrationTwiceAndKeepsData() throws {
        let first = try makeDatabase()
        try first.pool.write { db in try first.outbox.append(exitEvent(), in: db) }
        let directory = (first.path as NSString).deletingLastPathComponent
        let again = try ServiceDatabase(directory: directory, service: "svc") { migrator in
            migrator.registerMigration("test-001-applied") { db in
                try db.execute(sql: "CREATE TABLE applied (envelopeId TEXT NOT NULL, childId TEXT NOT NULL)")
            }
        }
        #expect(try again.pool.read { db in try Outbox.depth(db) } == 1)
    }

    @Test func aRolledBackTransactionLeavesNoOutboxRow() throws {
        let database = try makeDatabase()
        struct Failure: Error {}
        #expect(throws: Failure.self) {
            try database.pool.write { db in
                try database.outbox.append(exitEvent(), in: db)
                throw Failure()
            }
        }
        #expect(try database.pool.read { db in try Outbox.depth(db) } == 0)
    }

    @Test func anInvalidEventIsRefusedBeforeItIsStored() throws {
        let database = try makeDatabase()
        let bad = Envelope(county: testCounty, payload: ChildExited(childId: "not-a-uuid", reason: .other, on: CalendarDate("2026-11-20")!))
        #expect(throws: (any Error).self) {
            try database.pool.write { db in try database.outbox.append(bad, in: db) }
        }
        #expect(try database.pool.read { db in try Outbox.depth(db) } == 0)
    }
}
