import GRDB
import Mentoring
import Testing

/// Migration 002 moves the overdue sweep's marks out of `obligation` into `obligation_alert`:
/// a store that already alerted keeps every mark, so nothing is alerted again early.
@Suite("The move of the sweep's marks to obligation_alert")
struct ObligationAlertMigrationTests {
    @Test("marks already made move over, unmarked duties get no row, and the old columns go")
    func marksMoveOver() throws {
        let queue = try DatabaseQueue()
        var migrator = DatabaseMigrator()
        MentoringService.definition.migrations(&migrator)
        try migrator.migrate(queue, upTo: "mentoring-001-registry-pairings-visits-obligations")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO child (id, name, villageCode, townshipCode, registeredOn, tierSince)
                VALUES ('c1', '儿童', '520330100001', '520330100', '2026-03-02', '2026-03-02');
                INSERT INTO obligation (id, childId, kind, tier, countsFrom, dueOn, openedOn, lastAlertedOn, alertCount) VALUES
                    (1, 'c1', 'home_visit', 'general', '2026-03-02', '2026-03-16', '2026-03-02', '2026-03-20', 2),
                    (2, 'c1', 'parent_report', 'general', '2026-03-02', '2026-04-02', '2026-03-02', NULL, 0);
                """)
        }
        try migrator.migrate(queue)
        try queue.read { db in
            let marks = try Row.fetchAll(db, sql: "SELECT obligationId, lastAlertedOn, alertCount FROM obligation_alert")
            #expect(marks.count == 1)
            #expect(marks.first?["obligationId"] == 1)
            #expect(marks.first?["lastAlertedOn"] == "2026-03-20")
            #expect(marks.first?["alertCount"] == 2)
            let columns = try db.columns(in: "obligation").map(\.name)
            #expect(!columns.contains("lastAlertedOn") && !columns.contains("alertCount"))
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM obligation") == 2)
        }
    }
}
