import GRDB

/// The notification service's tables. A migration that has shipped is never edited.
enum NotificationMigrations {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("notification-1-directory-and-deliveries") { db in
            // The directory, kept from events. No resident ID number is ever stored here.
            try db.execute(sql: """
                CREATE TABLE child (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    villageCode TEXT NOT NULL CHECK (length(villageCode) = 12),
                    schoolId TEXT,
                    guardianName TEXT,
                    guardianPhone TEXT,
                    fatherPhone TEXT,
                    motherPhone TEXT,
                    exitedOn TEXT
                );
                CREATE TABLE mentor (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    role TEXT NOT NULL,
                    schoolId TEXT,
                    divisionCode TEXT,
                    phone TEXT,
                    email TEXT
                );
                CREATE TABLE pairing (
                    childId TEXT NOT NULL,
                    mentorId TEXT NOT NULL,
                    PRIMARY KEY (childId, mentorId)
                ) WITHOUT ROWID;
                CREATE INDEX pairing_mentor ON pairing(mentorId);

                CREATE TABLE subscription (
                    id TEXT PRIMARY KEY,
                    subscriber TEXT NOT NULL,
                    role TEXT NOT NULL CHECK (role IN ('county_officer','township','village','school','funding_officer')),
                    division TEXT,
                    schoolId TEXT,
                    kinds TEXT NOT NULL,
                    channels TEXT NOT NULL,
                    name TEXT,
                    phone TEXT,
                    email TEXT,
                    createdAt REAL NOT NULL,
                    createdBy TEXT NOT NULL
                );
                CREATE UNIQUE INDEX subscription_place
                    ON subscription(subscriber, role, ifnull(division, ''), ifnull(schoolId, ''));

                -- The in-app inbox: one row per notice per person.
                CREATE TABLE notification (
                    id TEXT PRIMARY KEY,
                    seq INTEGER NOT NULL UNIQUE,
                    recipient TEXT NOT NULL,
                    audience TEXT NOT NULL CHECK (audience IN ('mentor','officer')),
                    kind TEXT NOT NULL,
                    source TEXT NOT NULL,
                    childId TEXT,
                    urgent INTEGER NOT NULL DEFAULT 0,
                    title TEXT NOT NULL,
                    body TEXT NOT NULL,
                    createdAt REAL NOT NULL,
                    readAt REAL,
                    UNIQUE (source, recipient, kind)
                );
                CREATE INDEX notification_inbox ON notification(recipient, seq);

                -- One outgoing SMS or e-mail; its id is the gateway's idempotency key.
                CREATE TABLE delivery (
                    id TEXT PRIMARY KEY,
                    notificationId TEXT NOT NULL REFERENCES notification(id),
                    channel TEXT NOT NULL CHECK (channel IN ('sms','email')),
                    kind TEXT NOT NULL,
                    address TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    text TEXT NOT NULL,
                    urgent INTEGER NOT NULL DEFAULT 0,
                    status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','sent','failed','given_up')),
                    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
                    nextAttemptAt REAL NOT NULL,
                    claimedAt REAL,
                    uncertainAttempts INTEGER NOT NULL DEFAULT 0,
                    lastError TEXT,
                    gatewayReference TEXT,
                    createdAt REAL NOT NULL,
                    sentAt REAL,
                    UNIQUE (notificationId, channel)
                );
                CREATE INDEX delivery_due ON delivery(status, nextAttemptAt) WHERE status IN ('queued','failed');

                -- Overdue visits waiting for a mentor's daily digest.
                CREATE TABLE digest_item (
                    mentorId TEXT NOT NULL,
                    digestDay TEXT NOT NULL,
                    childId TEXT NOT NULL,
                    obligation TEXT NOT NULL,
                    dueOn TEXT NOT NULL,
                    daysOverdue INTEGER NOT NULL,
                    notificationId TEXT,
                    PRIMARY KEY (mentorId, digestDay, childId, obligation)
                ) WITHOUT ROWID;
                CREATE INDEX digest_pending ON digest_item(digestDay) WHERE notificationId IS NULL;
                """)
        }
        migrator.registerMigration("notification-2-parents-hear-monthly-reports") { db in
            // Which parents are working away (they hear the monthly report). Children recorded
            // before this knew only phones; a parent with a phone on the ledger of left-behind
            // children is taken to be away until intake says otherwise.
            try db.execute(sql: """
                ALTER TABLE child ADD COLUMN fatherAway INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE child ADD COLUMN motherAway INTEGER NOT NULL DEFAULT 0;
                UPDATE child SET fatherAway = (fatherPhone IS NOT NULL), motherAway = (motherPhone IS NOT NULL);
                """)
            // The inbox gains the parent audience. SQLite cannot change a CHECK in place, so the
            // table is rebuilt (GRDB defers foreign-key checks to the end of the migration).
            try db.execute(sql: """
                CREATE TABLE notification_new (
                    id TEXT PRIMARY KEY,
                    seq INTEGER NOT NULL UNIQUE,
                    recipient TEXT NOT NULL,
                    audience TEXT NOT NULL CHECK (audience IN ('mentor','officer','parent')),
                    kind TEXT NOT NULL,
                    source TEXT NOT NULL,
                    childId TEXT,
                    urgent INTEGER NOT NULL DEFAULT 0,
                    title TEXT NOT NULL,
                    body TEXT NOT NULL,
                    createdAt REAL NOT NULL,
                    readAt REAL,
                    UNIQUE (source, recipient, kind)
                );
                INSERT INTO notification_new SELECT id, seq, recipient, audience, kind, source, childId, urgent, title, body,
                    createdAt, readAt FROM notification;
                DROP TABLE notification;
                ALTER TABLE notification_new RENAME TO notification;
                CREATE INDEX notification_inbox ON notification(recipient, seq);
                """)
        }
        migrator.registerMigration("notification-3-latest-escalation") { db in
            // Each child's latest escalation, so a mentor paired after it still hears of it.
            try db.execute(sql: """
                CREATE TABLE escalation (
                    childId TEXT PRIMARY KEY,
                    envelopeId TEXT NOT NULL,
                    occurredAt REAL NOT NULL,
                    payload BLOB NOT NULL
                ) WITHOUT ROWID;
                """)
        }
    }
}
