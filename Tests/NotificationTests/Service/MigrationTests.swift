import Foundation
import GRDB
@testable import Notification
import Testing

@Suite("The notification store's migrations keep what an older store held")
struct MigrationTests {
    @Test("moving to parent reports keeps the inbox and its deliveries, and takes a parent with a phone to be away")
    func parentAudienceMigrationKeepsTheInbox() throws {
        let queue = try DatabaseQueue()
        var migrator = DatabaseMigrator()
        NotificationMigrations.register(in: &migrator)
        try migrator.migrate(queue, upTo: "notification-1-directory-and-deliveries")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO child (id, name, villageCode, fatherPhone) VALUES ('c1', '王小明', '520330100001', '13800000010');
                INSERT INTO notification (id, seq, recipient, audience, kind, source, title, body, createdAt)
                    VALUES ('n1', 1, 'm1', 'mentor', 'mentor.assigned', 'e1', 't', 'b', 0);
                INSERT INTO delivery (id, notificationId, channel, kind, address, subject, text, nextAttemptAt, createdAt)
                    VALUES ('d1', 'n1', 'sms', 'mentor.assigned', '13800000001', 't', 'b', 0, 0);
                """)
        }
        try migrator.migrate(queue)
        try queue.write { db in
            #expect(try Row.fetchOne(db, sql: "SELECT fatherAway, motherAway FROM child") == ["fatherAway": 1, "motherAway": 0])
            #expect(try String.fetchAll(db, sql: "SELECT id FROM notification") == ["n1"])
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            try db.execute(sql: """
                INSERT INTO notification (id, seq, recipient, audience, kind, source, title, body, createdAt)
                    VALUES ('n2', 2, 'parent:c1:father', 'parent', 'visit.recorded', 'e2', 't', 'b', 0)
                """)
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: """
                    INSERT INTO notification (id, seq, recipient, audience, kind, source, title, body, createdAt)
                        VALUES ('n3', 3, 'x', 'stranger', 'visit.recorded', 'e3', 't', 'b', 0)
                    """)
            }
            // The delivery still points at its notice, and a delivery for a missing notice is refused.
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: """
                    INSERT INTO delivery (id, notificationId, channel, kind, address, subject, text, nextAttemptAt, createdAt)
                        VALUES ('d9', 'missing', 'sms', 'k', 'a', 's', 't', 0, 0)
                    """)
            }
        }
    }
}
