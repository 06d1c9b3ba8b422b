import GRDB

/// Intake's tables, in literal SQL so that a later change to a Swift type cannot change what a
/// shipped migration does. The store enforces the ledger's invariants itself: one child per
/// resident ID number (a unique index on the keyed lookup hash), children and exits that can
/// never be deleted (triggers), one review per pair of likely duplicates, and one import row
/// result per row.
enum IntakeMigrations {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("intake-001-ledger") { db in
            try db.execute(sql: """
                -- The county's village list, loaded from an operator's file (村级区划代码).
                CREATE TABLE villages (
                    code TEXT PRIMARY KEY NOT NULL CHECK (length(code) = 12),
                    name TEXT NOT NULL,
                    townshipCode TEXT NOT NULL CHECK (townshipCode = substr(code, 1, 9))
                ) WITHOUT ROWID;

                -- Schools seen in registrations, with a name once an operator gives one.
                CREATE TABLE schools (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT,
                    firstSeenOn TEXT NOT NULL
                ) WITHOUT ROWID;

                -- One file per child (一人一档). The resident ID number is only here sealed
                -- (AES-GCM, `idSealed`), found by its keyed hash (`idLookup`, unique) and shown
                -- masked (`idMasked`). `document` is the rest of the file as JSON; the columns
                -- beside it are what lists, filters and reports read.
                CREATE TABLE children (
                    id TEXT PRIMARY KEY NOT NULL,
                    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
                    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'exited')),
                    name TEXT NOT NULL,
                    gender TEXT NOT NULL,
                    birthDate TEXT NOT NULL,
                    schoolStage TEXT NOT NULL,
                    schoolId TEXT,
                    villageCode TEXT NOT NULL CHECK (length(villageCode) = 12),
                    townshipCode TEXT NOT NULL CHECK (townshipCode = substr(villageCode, 1, 9)),
                    guardianRelation TEXT NOT NULL,
                    familyFlags TEXT NOT NULL DEFAULT ',',
                    careTier TEXT CHECK (careTier IN ('general', 'key')),
                    idSealed TEXT,
                    idLookup TEXT,
                    idMasked TEXT,
                    duplicateKey TEXT NOT NULL,
                    document TEXT NOT NULL,
                    registeredOn TEXT NOT NULL,
                    registeredBy TEXT NOT NULL,
                    registeredAt DOUBLE NOT NULL,
                    updatedAt DOUBLE NOT NULL,
                    exitReason TEXT,
                    exitedOn TEXT,
                    CHECK ((idSealed IS NULL) = (idLookup IS NULL)),
                    CHECK ((status = 'exited') = (exitReason IS NOT NULL))
                );
                CREATE UNIQUE INDEX children_idLookup ON children(idLookup) WHERE idLookup IS NOT NULL;
                CREATE INDEX children_duplicateKey ON children(duplicateKey);
                CREATE INDEX children_village ON children(villageCode, id);
                CREATE INDEX children_township ON children(townshipCode, id);
                CREATE INDEX children_school ON children(schoolId, id);
                CREATE INDEX children_status_birth ON children(status, birthDate);
                CREATE TRIGGER children_never_deleted BEFORE DELETE ON children
                BEGIN SELECT RAISE(ABORT, 'children are exited, never deleted'); END;

                -- Every exit, kept for good (退出记录).
                CREATE TABLE child_exits (
                    id TEXT PRIMARY KEY NOT NULL,
                    childId TEXT NOT NULL REFERENCES children(id),
                    reason TEXT NOT NULL CHECK (reason IN ('aged_out', 'parent_returned', 'moved_away', 'deceased', 'other')),
                    exitedOn TEXT NOT NULL,
                    note TEXT,
                    recordedBy TEXT NOT NULL,
                    recordedAt DOUBLE NOT NULL
                );
                CREATE INDEX child_exits_child ON child_exits(childId);
                CREATE TRIGGER child_exits_never_deleted BEFORE DELETE ON child_exits
                BEGIN SELECT RAISE(ABORT, 'exits are recorded, never deleted'); END;

                -- Likely duplicates (same name, birth date and village) for a person to judge.
                -- One row per pair, smaller id first, so a judged pair stays judged.
                CREATE TABLE duplicate_reviews (
                    id TEXT PRIMARY KEY NOT NULL,
                    childId TEXT NOT NULL REFERENCES children(id),
                    otherChildId TEXT NOT NULL REFERENCES children(id),
                    villageCode TEXT NOT NULL,
                    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'same_child', 'not_same_child')),
                    flaggedAt DOUBLE NOT NULL,
                    judgedBy TEXT,
                    judgedAt DOUBLE,
                    note TEXT,
                    CHECK (childId < otherChildId),
                    UNIQUE (childId, otherChildId)
                );
                CREATE INDEX duplicate_reviews_open ON duplicate_reviews(status, villageCode);

                -- Each time a resident ID number was shown whole, and to whom.
                CREATE TABLE id_number_reads (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    childId TEXT NOT NULL REFERENCES children(id),
                    subject TEXT NOT NULL,
                    role TEXT NOT NULL,
                    route TEXT NOT NULL,
                    readAt DOUBLE NOT NULL
                );
                CREATE TRIGGER id_number_reads_append_only BEFORE DELETE ON id_number_reads
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                CREATE TRIGGER id_number_reads_unchanged BEFORE UPDATE ON id_number_reads
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

                -- Bulk imports and their per-row results, written as the import runs so the
                -- result is never held in memory and progress can be read meanwhile.
                CREATE TABLE imports (
                    id TEXT PRIMARY KEY NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'failed')),
                    format TEXT NOT NULL,
                    fileSHA256 TEXT NOT NULL,
                    bytes INTEGER NOT NULL,
                    createdBy TEXT NOT NULL,
                    role TEXT NOT NULL,
                    scope TEXT,
                    startedAt DOUBLE NOT NULL,
                    finishedAt DOUBLE,
                    rowsRead INTEGER NOT NULL DEFAULT 0,
                    created INTEGER NOT NULL DEFAULT 0,
                    duplicates INTEGER NOT NULL DEFAULT 0,
                    rejected INTEGER NOT NULL DEFAULT 0,
                    failure TEXT
                );
                CREATE TABLE import_rows (
                    importId TEXT NOT NULL REFERENCES imports(id),
                    rowNumber INTEGER NOT NULL,
                    outcome TEXT NOT NULL CHECK (outcome IN ('created', 'duplicate', 'rejected')),
                    childId TEXT,
                    field TEXT,
                    code TEXT,
                    message TEXT,
                    PRIMARY KEY (importId, rowNumber)
                ) WITHOUT ROWID;
                """)
        }
    }
}
