import GRDB

/// The assessment service's tables, in literal SQL (a shipped migration is never edited). The
/// rules that must always hold are written into the schema — ranges, the tier that follows the
/// care level, a reason for every overridden category, one escalation event at most per
/// assessment, one term reminder per child and term — so no code path can break them.
enum AssessmentMigrations {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("assessment-001") { db in
            try db.execute(sql: """
                -- What this service knows of each child, merged from intake's events.
                CREATE TABLE child (
                    childId TEXT PRIMARY KEY NOT NULL,
                    registered INTEGER NOT NULL DEFAULT 0 CHECK (registered IN (0, 1)),
                    name TEXT,
                    villageCode TEXT CHECK (villageCode IS NULL OR length(villageCode) = 12),
                    townshipCode TEXT CHECK (townshipCode IS NULL OR length(townshipCode) = 9),
                    schoolId TEXT,
                    guardianRelation TEXT,
                    registeredOn TEXT,
                    exitedOn TEXT,
                    exitReason TEXT,
                    snapshot BLOB NOT NULL,
                    CHECK (registered = 0 OR (name IS NOT NULL AND villageCode IS NOT NULL
                        AND guardianRelation IS NOT NULL AND registeredOn IS NOT NULL)),
                    CHECK ((exitedOn IS NULL) = (exitReason IS NULL))
                );
                CREATE INDEX child_township ON child(townshipCode, childId);
                CREATE INDEX child_village ON child(villageCode, childId);
                CREATE INDEX child_school ON child(schoolId, childId);

                -- Every assessment ever recorded; never updated or deleted.
                CREATE TABLE assessment (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    assessmentId TEXT NOT NULL UNIQUE,
                    childId TEXT NOT NULL REFERENCES child(childId),
                    assessedOn TEXT NOT NULL,
                    recordedAt DOUBLE NOT NULL,
                    assessorSubject TEXT NOT NULL,
                    assessorRole TEXT NOT NULL,
                    assessorTitle TEXT,
                    guardianRelation TEXT NOT NULL,
                    derivedCategory INTEGER NOT NULL CHECK (derivedCategory BETWEEN 1 AND 3),
                    guardianCategory INTEGER NOT NULL CHECK (guardianCategory BETWEEN 1 AND 3),
                    categoryReason TEXT,
                    harmLevel INTEGER CHECK (harmLevel IS NULL OR harmLevel BETWEEN 1 AND 4),
                    guardianRating TEXT NOT NULL CHECK (guardianRating IN ('good', 'fair', 'poor')),
                    psychology INTEGER NOT NULL CHECK (psychology BETWEEN 1 AND 4),
                    physicalHealth INTEGER NOT NULL CHECK (physicalHealth BETWEEN 1 AND 4),
                    studies INTEGER NOT NULL CHECK (studies BETWEEN 1 AND 4),
                    guardianship INTEGER NOT NULL CHECK (guardianship BETWEEN 1 AND 4),
                    safetyAndLiving INTEGER NOT NULL CHECK (safetyAndLiving BETWEEN 1 AND 4),
                    scoreLevel INTEGER NOT NULL CHECK (scoreLevel BETWEEN 1 AND 4),
                    careLevel INTEGER NOT NULL CHECK (careLevel BETWEEN 1 AND 4),
                    tier TEXT NOT NULL CHECK ((tier = 'key' AND careLevel = 4) OR (tier = 'general' AND careLevel < 4)),
                    decidedBy TEXT NOT NULL,
                    reasons TEXT NOT NULL,
                    outcome TEXT NOT NULL CHECK (outcome IN ('escalated', 'deescalated', 'unchanged', 'baseline')),
                    changeReasons TEXT NOT NULL,
                    previousAssessmentId TEXT REFERENCES assessment(assessmentId),
                    recordedEventId TEXT NOT NULL UNIQUE,
                    escalatedEventId TEXT UNIQUE,
                    note TEXT,
                    CHECK (guardianCategory = derivedCategory OR categoryReason IS NOT NULL),
                    CHECK ((outcome = 'escalated') = (escalatedEventId IS NOT NULL))
                );
                CREATE INDEX assessment_child ON assessment(childId, seq);

                -- Each child's current rating: the latest assessment, for lists and reports.
                CREATE TABLE risk (
                    childId TEXT PRIMARY KEY NOT NULL REFERENCES child(childId),
                    assessmentId TEXT NOT NULL UNIQUE REFERENCES assessment(assessmentId),
                    assessedOn TEXT NOT NULL,
                    guardianCategory INTEGER NOT NULL CHECK (guardianCategory BETWEEN 1 AND 3),
                    harmLevel INTEGER CHECK (harmLevel IS NULL OR harmLevel BETWEEN 1 AND 4),
                    guardianRating TEXT NOT NULL,
                    careLevel INTEGER NOT NULL CHECK (careLevel BETWEEN 1 AND 4),
                    tier TEXT NOT NULL CHECK ((tier = 'key' AND careLevel = 4) OR (tier = 'general' AND careLevel < 4))
                ) WITHOUT ROWID;
                CREATE INDEX risk_level ON risk(careLevel, childId);

                -- Visits that reported concerns (发现问题): each calls for a reassessment.
                CREATE TABLE incident (
                    visitId TEXT PRIMARY KEY NOT NULL,
                    childId TEXT NOT NULL,
                    occurredOn TEXT NOT NULL,
                    mentorId TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    concerns TEXT NOT NULL,
                    reportedUpward INTEGER NOT NULL CHECK (reportedUpward IN (0, 1)),
                    receivedAt DOUBLE NOT NULL,
                    answeredBy TEXT REFERENCES assessment(assessmentId),
                    notifiedAt DOUBLE,
                    notificationEventId TEXT UNIQUE,
                    CHECK ((notifiedAt IS NULL) = (notificationEventId IS NULL))
                ) WITHOUT ROWID;
                CREATE INDEX incident_child ON incident(childId, occurredOn);
                CREATE INDEX incident_waiting ON incident(childId) WHERE notifiedAt IS NULL AND answeredBy IS NULL;

                -- The termly reminders sent: one per child and term, ever.
                CREATE TABLE term_reminder (
                    childId TEXT NOT NULL,
                    termStartsOn TEXT NOT NULL,
                    dueOn TEXT NOT NULL,
                    eventId TEXT NOT NULL UNIQUE,
                    sentAt DOUBLE NOT NULL,
                    PRIMARY KEY (childId, termStartsOn)
                ) WITHOUT ROWID;

                -- Guardians the township designated for category-1 children (监护合约).
                CREATE TABLE guardian_designation (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    designationId TEXT NOT NULL UNIQUE,
                    childId TEXT NOT NULL REFERENCES child(childId),
                    guardianName TEXT NOT NULL,
                    guardianPhone TEXT,
                    relationship TEXT,
                    agreementSignedOn TEXT NOT NULL,
                    recordedBy TEXT NOT NULL,
                    recordedRole TEXT NOT NULL,
                    recordedAt DOUBLE NOT NULL,
                    note TEXT
                );
                CREATE INDEX designation_child ON guardian_designation(childId, seq);
                """)
        }
    }
}
