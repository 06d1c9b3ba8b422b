import Foundation
import FundingDomain
import GRDB
import ShouhuEvents
import ShouhuService
import ShouhuStore

/// The disbursement cycle in the store: draft a batch, approve it (four eyes) or cancel it.
/// Each function runs inside the caller's write transaction and either does all of its work or
/// throws and leaves nothing behind.
enum BatchStore {
    /// Drafts a batch for `period` and returns its id.
    /// - Throws: `BudgetShortfall` when the batch does not fit the year's budget (and
    ///   `fitToBudget` is off); 422 `nothing_to_pay` when no child is entitled.
    static func create(
        _ db: Database, period: DisbursementPeriod, fitToBudget: Bool, note: String?, caller: Caller, now: Date,
        today: CalendarDate, configuration: FundingConfiguration
    ) throws -> String {
        let policy = configuration.policy
        let children = try ChildProjection.allForPlanning(db)
        let accounts = Set(try String.fetchAll(db, sql: "SELECT childId FROM payee_account"))
        let paid = Set(try String.fetchAll(db, sql: "SELECT childId FROM batch_line WHERE period = ? AND status = 'paid'", arguments: [period.name]))
        let live = Set(try String.fetchAll(db, sql: "SELECT childId FROM batch_line WHERE period = ? AND status IN ('draft', 'pending')", arguments: [period.name]))
        let candidates = children.map { child in
            BatchPlanner.Candidate(child: child, standing: .init(
                hasAccount: accounts.contains(child.childId), alreadyPaid: paid.contains(child.childId),
                inAnotherBatch: live.contains(child.childId)))
        }
        let budget = try BudgetLedger.status(db, year: period.budgetYear, policy: policy)
        let plan = try BatchPlanner.plan(period: period, on: today, candidates: candidates, policy: policy, budget: budget, fitToBudget: fitToBudget)
        guard !plan.lines.isEmpty else {
            let reasons = Dictionary(grouping: plan.exclusions, by: \.reason).map { "\($0.key.rawValue) \($0.value.count)" }.sorted()
            throw APIError.unprocessable(
                "No child is entitled for \(period.name) today. Left out: \(reasons.isEmpty ? "none" : reasons.joined(separator: ", ")).",
                code: "nothing_to_pay", field: "period")
        }

        let id = EventID.next()
        let number = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(number), 0) + 1 FROM batch")!
        let notConsidered = String(decoding: try JSONEncoder().encode(
            Dictionary(uniqueKeysWithValues: plan.notConsidered.map { ($0.key.rawValue, $0.value) })), as: UTF8.self)
        try db.execute(
            sql: """
                INSERT INTO batch (id, number, period, budgetYear, status, decidedOn, fitToBudget, requiredFen, notConsidered,
                    note, createdBy, createdRole, createdAt)
                VALUES (?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [id, number, period.name, period.budgetYear, today.description, fitToBudget, plan.requiredFen,
                        notConsidered, note, caller.subject, caller.role.rawValue, now.storedText])
        let byId = Dictionary(uniqueKeysWithValues: children.map { ($0.childId, $0) })
        let insert = try db.cachedStatement(sql: """
            INSERT INTO batch_line (batchId, lineNumber, reference, childId, period, budgetYear, amountFen, stage, schoolId,
                villageCode, townshipCode, rules, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft')
            """)
        for (index, line) in plan.lines.enumerated() {
            let child = byId[line.childId]!
            try insert.execute(arguments: [
                id, index + 1, reference(county: configuration.county, batch: number, line: index + 1), line.childId,
                period.name, period.budgetYear, line.amountFen, line.stage.rawValue, child.schoolId, child.villageCode,
                child.townshipCode, line.rules.map(\.rawValue).joined(separator: ","),
            ])
        }
        let exclude = try db.cachedStatement(sql: "INSERT INTO batch_exclusion (batchId, childId, reason) VALUES (?, ?, ?)")
        for exclusion in plan.exclusions {
            try exclude.execute(arguments: [id, exclusion.childId, exclusion.reason.rawValue])
        }
        try AuditLog.record(
            db, .batchCreated, by: caller, at: now, batchId: id,
            detail: "period \(period.name): \(plan.lines.count) children, \(Yuan.text(fen: plan.totalFen)) yuan; \(plan.exclusions.count) left out")
        return id
    }

    /// The payment reference of one line (EndToEndId): `SH<county>-<batch>-<line>`, 22
    /// characters, stable for the life of the batch and unique in the county.
    static func reference(county: String, batch: Int, line: Int) -> String {
        "SH\(county)-\(padded(batch, 6))-\(padded(line, 6))"
    }

    /// The message id of a batch's payment file.
    static func messageId(county: String, batch: Int) -> String {
        "SH\(county)-\(padded(batch, 6))"
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// The batch's row, or 404.
    static func row(_ db: Database, id: String) throws -> Row {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM batch WHERE id = ?", arguments: [id]) else {
            throw APIError.notFound("No batch \(id).")
        }
        return row
    }

    /// What an approval did: the lines that dropped out and why.
    struct Approval {
        var dropped: [(childId: String, reason: ExclusionReason)]
    }

    /// Approves a draft: four eyes, eligibility again on `today`, the account of each line frozen,
    /// `disbursement.approved` appended to the outbox.
    /// - Throws: 403 `four_eyes` for the creator; 409 `not_draft`; 422 `nothing_to_pay` when every
    ///   line dropped out; `BudgetShortfall` if the year's budget was lowered below the batch.
    static func approve(
        _ db: Database, id: String, caller: Caller, now: Date, today: CalendarDate, configuration: FundingConfiguration,
        outbox: Outbox
    ) throws -> Approval {
        let batch = try row(db, id: id)
        let creator: String = batch["createdBy"]
        do {
            try ApprovalReview.checkFourEyes(creator: creator, approver: caller.subject)
        } catch {
            throw APIError.forbidden(
                "The officer who drafted this batch may not approve it: a second officer must (四眼原则).", code: "four_eyes")
        }
        let status: String = batch["status"]
        guard status == "draft" else { throw APIError.conflict("The batch is \(status); only a draft can be approved.", code: "not_draft") }
        let periodName: String = batch["period"]
        let period = DisbursementPeriod(periodName)!
        let policy = configuration.policy

        let lines = try Row.fetchAll(db, sql: """
            SELECT l.lineNumber, l.amountFen, a.accountNumber, a.holderName, a.bankName, a.bankCode, \(ChildProjection.planningColumns("c"))
            FROM batch_line l JOIN child c ON c.childId = l.childId LEFT JOIN payee_account a ON a.childId = l.childId
            WHERE l.batchId = ? ORDER BY l.lineNumber
            """, arguments: [id])
        var dropped: [(String, ExclusionReason)] = []
        var keptCount = 0
        var keptFen: Int64 = 0
        let drop = try db.cachedStatement(sql: "UPDATE batch_line SET status = 'dropped', dropReason = ? WHERE batchId = ? AND lineNumber = ?")
        let keep = try db.cachedStatement(sql: """
            UPDATE batch_line SET status = 'pending', accountNumber = ?, holderName = ?, bankName = ?, bankCode = ?
            WHERE batchId = ? AND lineNumber = ?
            """)
        for line in lines {
            let childId: String = line["childId"]
            let amount: Int64 = line["amountFen"]
            let account: String? = line["accountNumber"]
            let child = ChildProjection.child(from: line)
            let review = ApprovalReview.DraftLine(child: child, draftedAmountFen: amount, hasAccount: account != nil)
            if let reason = ApprovalReview.dropReason(review, period: period, on: today, policy: policy) {
                try drop.execute(arguments: [reason.rawValue, id, line["lineNumber"]])
                dropped.append((childId, reason))
            } else {
                try keep.execute(arguments: [account, line["holderName"], line["bankName"], line["bankCode"], id, line["lineNumber"]])
                keptCount += 1
                keptFen += amount
            }
        }
        guard keptCount > 0 else {
            throw APIError.unprocessable(
                "Every child of this batch dropped out on re-checking (\(dropped.count)); cancel it instead.", code: "nothing_to_pay")
        }
        let budget = try BudgetLedger.status(db, year: period.budgetYear, policy: policy, excludingBatch: id)
        if keptFen > budget.leftFen {
            throw BudgetShortfall(year: budget.year, requiredFen: keptFen, remainingFen: budget.leftFen, budgetFen: budget.budgetFen)
        }
        let envelope = Envelope(
            occurredAt: now, county: configuration.county,
            payload: DisbursementApproved(batchId: id, period: period.name, count: keptCount, totalFen: keptFen))
        try db.execute(
            sql: """
                UPDATE batch SET status = 'approved', approvedBy = ?, approvedRole = ?, approvedAt = ?, approvedOn = ?,
                    approvalEventId = ? WHERE id = ?
                """,
            arguments: [caller.subject, caller.role.rawValue, now.storedText, today.description, envelope.id, id])
        try AuditLog.record(
            db, .batchApproved, by: caller, at: now, batchId: id,
            detail: "\(keptCount) payments, \(Yuan.text(fen: keptFen)) yuan; \(dropped.count) dropped on re-check")
        try outbox.append(envelope, in: db)
        return Approval(dropped: dropped)
    }

    /// Cancels a draft; its children are free for another batch of the period.
    /// - Throws: 409 `not_draft` for an approved or cancelled batch.
    static func cancel(_ db: Database, id: String, reason: String, caller: Caller, now: Date) throws {
        let batch = try row(db, id: id)
        let status: String = batch["status"]
        guard status == "draft" else {
            throw APIError.conflict("The batch is \(status); only a draft can be cancelled.", code: "not_draft")
        }
        try db.execute(sql: "UPDATE batch_line SET status = 'cancelled' WHERE batchId = ?", arguments: [id])
        try db.execute(
            sql: "UPDATE batch SET status = 'cancelled', cancelledBy = ?, cancelledAt = ?, cancelReason = ? WHERE id = ?",
            arguments: [caller.subject, now.storedText, reason, id])
        try AuditLog.record(db, .batchCancelled, by: caller, at: now, batchId: id, detail: reason)
    }
}
