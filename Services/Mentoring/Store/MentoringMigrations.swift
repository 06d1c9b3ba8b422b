import GRDB

/// The mentoring service's tables, in SQL (never with record types, so a later change to a Swift
/// type cannot change an old migration). A migration that has shipped is never edited.
enum MentoringMigrations {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("mentoring-001-registry-pairings-visits-obligations") { db in
            try db.execute(sql: """
                CREATE TABLE mentor (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    role TEXT NOT NULL CHECK (role IN ('teacher', 'cadre', 'volunteer')),
                    schoolId TEXT,
                    divisionCode TEXT CHECK (divisionCode IS NULL OR length(divisionCode) IN (6, 9, 12)),
                    townshipCode TEXT,
                    phone TEXT NOT NULL,
                    email TEXT,
                    capacity INTEGER NOT NULL CHECK (capacity BETWEEN 0 AND 100),
                    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
                    caseload INTEGER NOT NULL DEFAULT 0 CHECK (caseload >= 0),
                    registeredOn TEXT NOT NULL,
                    deactivatedOn TEXT,
                    CHECK (schoolId IS NOT NULL OR divisionCode IS NOT NULL),
                    CHECK ((active = 1) = (deactivatedOn IS NULL))
                );
                CREATE INDEX mentor_by_school ON mentor(schoolId) WHERE active = 1;
                CREATE INDEX mentor_by_township ON mentor(townshipCode) WHERE active = 1;

                -- The service's projection of intake's ledger: only what pairing and visits need.
                CREATE TABLE child (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    villageCode TEXT NOT NULL CHECK (length(villageCode) = 12),
                    townshipCode TEXT NOT NULL CHECK (length(townshipCode) = 9),
                    schoolId TEXT,
                    registeredOn TEXT NOT NULL,
                    exitedOn TEXT,
                    exitReason TEXT,
                    tier TEXT NOT NULL DEFAULT 'general' CHECK (tier IN ('general', 'key')),
                    careLevel INTEGER CHECK (careLevel IS NULL OR careLevel BETWEEN 1 AND 4),
                    tierSince TEXT NOT NULL,
                    pairedSince TEXT,
                    unmetNeeds TEXT,
                    unpairedSince TEXT,
                    lastHomeVisitOn TEXT,
                    lastParentReportOn TEXT,
                    lastTermCheckOn TEXT,
                    escalatedOn TEXT,
                    CHECK ((exitedOn IS NULL) = (exitReason IS NULL)),
                    CHECK ((unmetNeeds IS NULL) = (unpairedSince IS NULL))
                );
                CREATE INDEX child_by_school ON child(schoolId);
                CREATE INDEX child_by_township ON child(townshipCode);
                CREATE INDEX child_unpaired ON child(townshipCode, unpairedSince) WHERE unmetNeeds IS NOT NULL;

                -- The latest assessment seen per child, kept even when it arrives before the child.
                CREATE TABLE child_assessment (
                    childId TEXT PRIMARY KEY NOT NULL,
                    assessmentId TEXT NOT NULL,
                    tier TEXT NOT NULL CHECK (tier IN ('general', 'key')),
                    careLevel INTEGER NOT NULL CHECK (careLevel BETWEEN 1 AND 4),
                    assessedOn TEXT NOT NULL
                );

                CREATE TABLE pairing (
                    id INTEGER PRIMARY KEY,
                    childId TEXT NOT NULL REFERENCES child(id),
                    mentorId TEXT NOT NULL REFERENCES mentor(id),
                    role TEXT NOT NULL CHECK (role IN ('teacher', 'cadre', 'volunteer')),
                    source TEXT NOT NULL CHECK (source IN ('auto', 'by_hand')),
                    startedOn TEXT NOT NULL,
                    endedOn TEXT,
                    endReason TEXT,
                    endNote TEXT,
                    CHECK ((endedOn IS NULL) = (endReason IS NULL))
                );
                CREATE UNIQUE INDEX pairing_current ON pairing(childId, mentorId) WHERE endedOn IS NULL;
                CREATE INDEX pairing_current_by_mentor ON pairing(mentorId) WHERE endedOn IS NULL;
                CREATE INDEX pairing_by_child ON pairing(childId, startedOn);
                -- A mentor's caseload is kept by the store itself, so no code path can forget it.
                CREATE TRIGGER pairing_counts_in AFTER INSERT ON pairing WHEN NEW.endedOn IS NULL
                BEGIN UPDATE mentor SET caseload = caseload + 1 WHERE id = NEW.mentorId; END;
                CREATE TRIGGER pairing_counts_out AFTER UPDATE OF endedOn ON pairing
                    WHEN OLD.endedOn IS NULL AND NEW.endedOn IS NOT NULL
                BEGIN UPDATE mentor SET caseload = caseload - 1 WHERE id = NEW.mentorId; END;

                CREATE TABLE visit (
                    id TEXT PRIMARY KEY NOT NULL,
                    childId TEXT NOT NULL REFERENCES child(id),
                    mentorId TEXT NOT NULL REFERENCES mentor(id),
                    kind TEXT NOT NULL CHECK (kind IN ('home_visit', 'school_talk', 'parent_call', 'parent_report',
                        'guardian_meeting', 'term_check', 'letter')),
                    madeOn TEXT NOT NULL,
                    findings TEXT,
                    concerns TEXT NOT NULL,
                    helpGiven TEXT,
                    escalated INTEGER NOT NULL CHECK (escalated IN (0, 1)),
                    escalationNote TEXT,
                    recordedBy TEXT NOT NULL,
                    recordedByRole TEXT NOT NULL,
                    recordedAt DOUBLE NOT NULL
                );
                CREATE INDEX visit_by_child ON visit(childId, madeOn);
                CREATE INDEX visit_by_mentor ON visit(mentorId, madeOn);
                CREATE INDEX visit_by_day ON visit(madeOn);

                -- One row per instance of a duty. Whether it is overdue is never stored: it follows
                -- from dueOn and today. lastAlertedOn marks the sweep's alerts, in the same
                -- transaction as the event it appended.
                CREATE TABLE obligation (
                    id INTEGER PRIMARY KEY,
                    childId TEXT NOT NULL REFERENCES child(id),
                    kind TEXT NOT NULL CHECK (kind IN ('home_visit', 'parent_report', 'term_check')),
                    tier TEXT NOT NULL CHECK (tier IN ('general', 'key')),
                    countsFrom TEXT NOT NULL,
                    dueOn TEXT NOT NULL,
                    openedOn TEXT NOT NULL,
                    fulfilledOn TEXT,
                    visitId TEXT REFERENCES visit(id),
                    closedOn TEXT,
                    closedReason TEXT,
                    lastAlertedOn TEXT,
                    alertCount INTEGER NOT NULL DEFAULT 0,
                    CHECK (fulfilledOn IS NULL OR closedOn IS NULL),
                    CHECK ((closedOn IS NULL) = (closedReason IS NULL)),
                    CHECK ((fulfilledOn IS NULL) = (visitId IS NULL))
                );
                CREATE UNIQUE INDEX obligation_open ON obligation(childId, kind)
                    WHERE fulfilledOn IS NULL AND closedOn IS NULL;
                CREATE INDEX obligation_open_by_due ON obligation(dueOn)
                    WHERE fulfilledOn IS NULL AND closedOn IS NULL;
                CREATE INDEX obligation_by_due ON obligation(dueOn);
                CREATE INDEX obligation_by_child ON obligation(childId, dueOn);
                """)
        }
        migrator.registerMigration("mentoring-002-obligation-alerts") { db in
            try db.execute(sql: """
                -- The overdue sweep's marks move out of obligation into narrow rows of their own. On a
                -- county's worst day the sweep marks every home visit, one duty row in three, so an
                -- UPDATE of obligation rewrote nearly every page of it (18 MB of WAL at 50,000
                -- children, 40 % of the sweep's writes); these rows append in about 1 MB.
                CREATE TABLE obligation_alert (
                    obligationId INTEGER PRIMARY KEY NOT NULL REFERENCES obligation(id),
                    lastAlertedOn TEXT NOT NULL,
                    alertCount INTEGER NOT NULL CHECK (alertCount >= 1)
                );
                INSERT INTO obligation_alert (obligationId, lastAlertedOn, alertCount)
                    SELECT id, lastAlertedOn, max(alertCount, 1) FROM obligation WHERE lastAlertedOn IS NOT NULL;
                ALTER TABLE obligation DROP COLUMN lastAlertedOn;
                ALTER TABLE obligation DROP COLUMN alertCount;
                """)
        }
    }
}
