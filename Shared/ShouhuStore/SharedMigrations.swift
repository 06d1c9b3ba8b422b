import GRDB

/// The tables every service's database has: the outbox (events waiting for the broker) and the
/// inbox (ids of events already applied). Written in SQL, never with record types, so that a
/// later change to a Swift type cannot change what an old migration does.
enum SharedMigrations {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("shouhu-001-outbox-inbox") { db in
            try db.execute(sql: """
                CREATE TABLE shouhu_outbox (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    id TEXT NOT NULL UNIQUE,
                    routingKey TEXT NOT NULL,
                    body BLOB NOT NULL,
                    createdAt DOUBLE NOT NULL,
                    publishedAt DOUBLE,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    lastError TEXT
                );
                CREATE INDEX shouhu_outbox_unpublished ON shouhu_outbox(seq) WHERE publishedAt IS NULL;
                CREATE TABLE shouhu_inbox (
                    id TEXT PRIMARY KEY NOT NULL,
                    routingKey TEXT NOT NULL,
                    receivedAt DOUBLE NOT NULL
                ) WITHOUT ROWID;
                """)
        }
    }
}
