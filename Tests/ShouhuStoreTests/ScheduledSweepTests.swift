import Foundation
import GRDB
import Testing
import ShouhuEvents
import ShouhuStore

@Suite("Scheduled sweeps")
struct ScheduledSweepTests {
    @Test func aSweepMarksAndAppendsInOneTransactionAndUsesItsClock() async throws {
        let database = try makeDatabase()
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let sweep = ScheduledSweep(name: "test", interval: 60, database: database, clock: { now }, logger: quietLogger) { db, at in
            #expect(at == now)
            // Find children not yet marked, mark them and emit one event each.
            let pending = try String.fetchAll(db, sql: """
                SELECT childId FROM applied WHERE envelopeId = 'due' AND childId NOT IN (SELECT childId FROM applied WHERE envelopeId = 'done')
                """)
            for child in pending {
                try db.execute(sql: "INSERT INTO applied VALUES ('done', ?)", arguments: [child])
                try database.outbox.append(exitEvent(child: child), in: db)
            }
            return pending.count
        }
        let children = (0..<3).map { _ in UUID().uuidString.lowercased() }
        try await database.pool.write { db in
            for child in children { try db.execute(sql: "INSERT INTO applied VALUES ('due', ?)", arguments: [child]) }
        }
        #expect(try await sweep.runOnce() == 3)
        #expect(try await sweep.runOnce() == 0, "a second run finds nothing new: no alert twice")
        #expect(try await database.pool.read { db in try Outbox.depth(db) } == 3)
    }
}
