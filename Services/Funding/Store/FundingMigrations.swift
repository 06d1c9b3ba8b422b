import GRDB

/// The funding service's tables. The rules that matter most are the store's, not only the
/// code's: a child is in at most one live batch per period and paid at most once per period
/// (partial unique indexes), the approver is never the creator (a CHECK), an approved line's
/// amount and account never change and a settled line stays settled (triggers), and the audit
/// trail is append-only (triggers).
enum FundingMigrations {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("funding-1") { db in
            try db.execute(sql: """
                CREATE TABLE child (
                    childId TEXT PRIMARY KEY,
                    registered INTEGER NOT NULL DEFAULT 0,
                    name TEXT, birthDate TEXT, schoolStage TEXT, schoolId TEXT,
                    villageCode TEXT, townshipCode TEXT, guardianName TEXT,
                    familyFlags TEXT NOT NULL DEFAULT '',
                    hasIncapableParent INTEGER NOT NULL DEFAULT 0,
                    registeredOn TEXT, exitReason TEXT, exitedOn TEXT,
                    tier TEXT, tierAssessedOn TEXT,
                    stamps TEXT NOT NULL DEFAULT '{}'
                ) WITHOUT ROWID;

                CREATE TABLE payee_account (
                    childId TEXT PRIMARY KEY REFERENCES child(childId),
                    bankName TEXT NOT NULL CHECK (length(bankName) BETWEEN 1 AND 100),
                    bankCode TEXT CHECK (bankCode IS NULL OR (length(bankCode) = 12 AND bankCode NOT GLOB '*[^0-9]*')),
                    accountNumber TEXT NOT NULL
                        CHECK (length(accountNumber) BETWEEN 8 AND 30 AND accountNumber NOT GLOB '*[^0-9]*'),
                    holderName TEXT NOT NULL CHECK (length(holderName) BETWEEN 1 AND 70),
                    holderIsGuardian INTEGER NOT NULL,
                    enteredBy TEXT NOT NULL,
                    enteredAt TEXT NOT NULL,
                    version INTEGER NOT NULL DEFAULT 1
                ) WITHOUT ROWID;

                CREATE TABLE batch (
                    id TEXT PRIMARY KEY,
                    number INTEGER NOT NULL UNIQUE,
                    period TEXT NOT NULL,
                    budgetYear INTEGER NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'cancelled')),
                    decidedOn TEXT NOT NULL,
                    fitToBudget INTEGER NOT NULL,
                    requiredFen INTEGER NOT NULL,
                    notConsidered TEXT NOT NULL,
                    note TEXT,
                    createdBy TEXT NOT NULL, createdRole TEXT NOT NULL, createdAt TEXT NOT NULL,
                    approvedBy TEXT, approvedRole TEXT, approvedAt TEXT, approvedOn TEXT, approvalEventId TEXT,
                    cancelledBy TEXT, cancelledAt TEXT, cancelReason TEXT,
                    CHECK (status <> 'approved' OR (approvedBy IS NOT NULL AND approvedBy <> createdBy AND approvedAt IS NOT NULL))
                );
                CREATE INDEX batch_period ON batch(period);

                CREATE TABLE batch_line (
                    batchId TEXT NOT NULL REFERENCES batch(id),
                    lineNumber INTEGER NOT NULL,
                    reference TEXT NOT NULL UNIQUE,
                    childId TEXT NOT NULL REFERENCES child(childId),
                    period TEXT NOT NULL,
                    budgetYear INTEGER NOT NULL,
                    amountFen INTEGER NOT NULL CHECK (amountFen > 0),
                    stage TEXT NOT NULL,
                    schoolId TEXT, villageCode TEXT, townshipCode TEXT,
                    rules TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('draft', 'pending', 'paid', 'failed', 'dropped', 'cancelled')),
                    dropReason TEXT,
                    holderName TEXT, accountNumber TEXT, bankName TEXT, bankCode TEXT,
                    failureReason TEXT,
                    settledAt TEXT, settledBy TEXT, resultsFileId TEXT,
                    PRIMARY KEY (batchId, lineNumber),
                    CHECK (status <> 'pending' OR accountNumber IS NOT NULL),
                    CHECK (status <> 'failed' OR failureReason IS NOT NULL)
                );
                CREATE INDEX batch_line_child ON batch_line(childId);
                -- A child is in at most one live batch for a period: a draft, a payment sent, or a payment made.
                CREATE UNIQUE INDEX batch_line_live ON batch_line(childId, period)
                    WHERE status IN ('draft', 'pending', 'paid');
                -- And is never paid twice for it, whatever else changes.
                CREATE UNIQUE INDEX batch_line_paid ON batch_line(childId, period) WHERE status = 'paid';

                CREATE TRIGGER batch_line_only_into_drafts BEFORE INSERT ON batch_line
                WHEN (SELECT status FROM batch WHERE id = NEW.batchId) IS NOT 'draft'
                BEGIN SELECT RAISE(ABORT, 'lines are added only to a draft batch'); END;

                CREATE TRIGGER batch_line_frozen BEFORE UPDATE ON batch_line
                WHEN OLD.status NOT IN ('draft') AND (
                    NEW.amountFen IS NOT OLD.amountFen OR NEW.childId IS NOT OLD.childId OR NEW.period IS NOT OLD.period
                    OR NEW.accountNumber IS NOT OLD.accountNumber OR NEW.holderName IS NOT OLD.holderName
                    OR NEW.reference IS NOT OLD.reference)
                BEGIN SELECT RAISE(ABORT, 'an approved line is frozen'); END;

                CREATE TRIGGER batch_line_settles_once BEFORE UPDATE OF status ON batch_line
                WHEN NEW.status IS NOT OLD.status AND (
                    OLD.status IN ('paid', 'failed', 'dropped', 'cancelled')
                    OR (NEW.status IN ('paid', 'failed') AND OLD.status IS NOT 'pending'))
                BEGIN SELECT RAISE(ABORT, 'a settled line stays settled; only a pending payment settles'); END;

                CREATE TABLE batch_exclusion (
                    batchId TEXT NOT NULL REFERENCES batch(id),
                    childId TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    PRIMARY KEY (batchId, childId)
                ) WITHOUT ROWID;

                CREATE TABLE results_file (
                    id TEXT PRIMARY KEY,
                    batchId TEXT NOT NULL REFERENCES batch(id),
                    sha256 TEXT NOT NULL,
                    format TEXT NOT NULL,
                    appliedBy TEXT NOT NULL,
                    appliedAt TEXT NOT NULL,
                    lines INTEGER NOT NULL, paid INTEGER NOT NULL, failed INTEGER NOT NULL, reported INTEGER NOT NULL
                );

                CREATE TABLE audit (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    role TEXT NOT NULL,
                    action TEXT NOT NULL,
                    batchId TEXT,
                    childId TEXT,
                    detail TEXT NOT NULL
                );
                CREATE INDEX audit_batch ON audit(batchId) WHERE batchId IS NOT NULL;
                CREATE INDEX audit_child ON audit(childId) WHERE childId IS NOT NULL;
                CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
                CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
                BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
                """)
        }
    }
}
