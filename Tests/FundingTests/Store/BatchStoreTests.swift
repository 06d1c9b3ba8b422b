import Foundation
@testable import Funding
import FundingDomain
import GRDB
import ShouhuEvents
import ShouhuService
import ShouhuStore
import Testing

@Suite("Batches in the store: no double pay, four eyes, reconciliation, stable files")
struct BatchStoreTests {
    @Test("a child is never in two live batches for a period, nor paid twice; another period pays again")
    func noDoublePayAcrossBatchesAndPeriods() throws {
        let store = try FundingStoreFixture()
        try store.register(1...3)
        let first = try store.create("2026-S2")
        #expect(store.apiErrorCode { _ = try store.create("2026-S2") } == "nothing_to_pay")
        try store.approve(first)
        let refs = try store.references(first)
        _ = try store.settle(first, csv: "reference,status\n" + refs.map { "\($0),paid" }.joined(separator: "\n"))
        #expect(store.apiErrorCode { _ = try store.create("2026-S2") } == "nothing_to_pay")
        let spring = try store.create("2027-S1")
        #expect(try store.references(spring).count == 3)
        let excluded = try store.database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT reason FROM batch_exclusion WHERE batchId = ?", arguments: [spring])
        }
        #expect(excluded.isEmpty)
    }

    @Test("the store itself refuses a second live line or a second payment for a child and period")
    func uniqueIndexes() throws {
        let store = try FundingStoreFixture()
        try store.register(1...1)
        let batch = try store.create("2026-S2")
        let child = FundingFixtures.childId(1)
        let other = try store.database.pool.write { db -> String in
            try db.execute(sql: """
                INSERT INTO batch (id, number, period, budgetYear, status, decidedOn, fitToBudget, requiredFen, notConsidered,
                    createdBy, createdRole, createdAt) VALUES ('b2', 99, '2026-S2', 2026, 'draft', '2026-09-10', 0, 0, '{}', 'x', 'funding_officer', 'now')
                """)
            return "b2"
        }
        #expect(throws: DatabaseError.self) {
            try store.database.pool.write { db in
                try db.execute(sql: """
                    INSERT INTO batch_line (batchId, lineNumber, reference, childId, period, budgetYear, amountFen, stage, rules, status)
                    VALUES (?, 1, 'X-1', ?, '2026-S2', 2026, 50000, 'primary', 'single_parent', 'draft')
                    """, arguments: [other, child])
            }
        }
        try store.approve(batch)
        let ref = try store.references(batch)[0]
        _ = try store.settle(batch, csv: "reference,status\n\(ref),paid")
        #expect(throws: DatabaseError.self) {
            try store.database.pool.write { db in
                try db.execute(sql: "UPDATE batch_line SET status = 'pending' WHERE reference = ?", arguments: [ref])
            }
        }
        #expect(throws: DatabaseError.self) {
            try store.database.pool.write { db in
                try db.execute(sql: "UPDATE batch_line SET amountFen = 1 WHERE reference = ?", arguments: [ref])
            }
        }
    }

    @Test("four eyes: the creator's approval is refused, in code and by the store's CHECK")
    func fourEyes() throws {
        let store = try FundingStoreFixture()
        try store.register(1...2)
        let batch = try store.create("2026-S2")
        #expect(store.apiErrorCode { try store.approve(batch, by: store.officerA) } == "four_eyes")
        #expect(throws: DatabaseError.self) {
            try store.database.pool.write { db in
                try db.execute(sql: "UPDATE batch SET status = 'approved', approvedBy = createdBy, approvedAt = 'x' WHERE id = ?", arguments: [batch])
            }
        }
        try store.approve(batch)
        #expect(store.apiErrorCode { try store.approve(batch) } == "not_draft")
        #expect(store.apiErrorCode {
            try store.database.pool.write { db in try BatchStore.cancel(db, id: batch, reason: "x", caller: store.officerA, now: store.now) }
        } == "not_draft")
    }

    @Test("approval re-checks eligibility: a child who exited since the draft drops out with the reason")
    func dropoutAtApproval() throws {
        let store = try FundingStoreFixture()
        try store.register(1...3)
        let batch = try store.create("2026-S2")
        try store.database.pool.write { db in
            try ChildProjection.update(db, childId: FundingFixtures.childId(2)) {
                $0.apply(ChildExited(childId: FundingFixtures.childId(2), reason: .movedAway, on: store.today))
            }
            try PayeeAccounts.remove(db, childId: FundingFixtures.childId(3), caller: store.officerA, now: store.now)
        }
        let approval = try store.approve(batch)
        #expect(approval.dropped.map(\.childId) == [FundingFixtures.childId(2), FundingFixtures.childId(3)])
        #expect(approval.dropped.map(\.reason) == [.exited, .noAccount])
        let summary = try store.database.pool.read { db in try BatchQueries.summary(db, id: batch, county: "520330") }
        #expect(summary.count == 1)
        #expect(summary.pending.fen == 50_000)
        #expect(summary.dropped.count == 2)
        let outbox = try store.database.pool.read { db in try Outbox.depth(db) }
        #expect(outbox == 1)
    }

    @Test("results: paid, failed, unknown and duplicate lines; the same file twice settles once; a failed child goes into a later batch")
    func reconciliation() throws {
        let store = try FundingStoreFixture()
        try store.register(1...3)
        let batch = try store.create("2026-S2")
        try store.approve(batch)
        let refs = try store.references(batch)
        let csv = "reference,status,reason\n\(refs[0]),paid,\n\(refs[1]),failed,账户冻结\nSH520330-999999-000001,paid,\n\(refs[0]),paid,\n"
        let first = try store.settle(batch, csv: csv)
        #expect(first.paid == 1)
        #expect(first.failed == 1)
        #expect(first.reported.map(\.verdict) == ["unknown", "duplicate"])
        let again = try store.settle(batch, csv: csv)
        #expect(again.paid == 0 && again.failed == 0)
        #expect(again.sameFileAppliedBefore == [first.fileId])
        #expect(again.reported.map(\.verdict) == ["already_settled", "already_settled", "unknown", "duplicate"])
        let settledEvents = try store.database.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM shouhu_outbox WHERE routingKey = 'disbursement.settled'")
        }
        #expect(settledEvents == 2)

        let summary = try store.database.pool.read { db in try BatchQueries.summary(db, id: batch, county: "520330") }
        #expect(summary.paid.count == 1 && summary.failed.count == 1 && summary.pending.count == 1)
        let budget = try store.database.pool.read { db in try BudgetLedger.status(db, year: 2026, policy: store.configuration.policy) }
        #expect(budget.paidFen == 50_000)
        #expect(budget.committedFen == 50_000)
        #expect(budget.leftFen == 25_000_000 - 100_000)

        let later = try store.create("2026-S2")
        let laterChildren = try store.database.pool.read { db in
            try String.fetchAll(db, sql: "SELECT childId FROM batch_line WHERE batchId = ?", arguments: [later])
        }
        #expect(laterChildren == [FundingFixtures.childId(2)])
    }

    @Test("over the remaining budget a batch is refused; the budget counts drafts")
    func budget() throws {
        let store = try FundingStoreFixture(environment: ["SHOUHU_FUNDING_BUDGET_FEN_2026": "120000"])
        try store.register(1...3)
        #expect(throws: BudgetShortfall(year: 2026, requiredFen: 150_000, remainingFen: 120_000, budgetFen: 120_000)) {
            _ = try store.create("2026-S2")
        }
        let fitted = try store.create("2026-S2", fit: true)
        #expect(try store.references(fitted).count == 2)
        let summary = try store.database.pool.read { db in try BatchQueries.summary(db, id: fitted, county: "520330") }
        #expect(summary.excluded == ["over_budget": 1])
        // The draft holds 100,000 of 120,000: the child left out needs 50,000 and only 20,000 is left.
        #expect(throws: BudgetShortfall(year: 2026, requiredFen: 50_000, remainingFen: 20_000, budgetFen: 120_000)) {
            _ = try store.create("2026-S2")
        }
    }

    @Test("the same approved batch always yields the same pain.001 bytes, valid against the schema")
    func stablePaymentFile() throws {
        let store = try FundingStoreFixture()
        try store.register(1...3)
        let batch = try store.create("2026-S2")
        try store.approve(batch)
        func file() throws -> String {
            try store.database.pool.read { db in
                Pain001Writer.document(try PaymentOrder.load(db, batchId: batch, debtor: store.configuration.debtor, county: "520330"))
            }
        }
        let first = try file()
        _ = try store.settle(batch, csv: "reference,status\n\(try store.references(batch)[0]),paid")
        #expect(try file() == first)
        #expect(first.contains("<MsgId>SH520330-000001</MsgId>"))
        #expect(first.contains("<CtrlSum>1500.00</CtrlSum>"))
        #expect(try PaymentFileTests.xmllint(first).status == 0)
    }
}
