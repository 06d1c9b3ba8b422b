import Foundation
import FundingDomain
import GRDB
import ShouhuEvents
import ShouhuService
import ShouhuStore

/// Applies a bank's results to an approved batch: each pending payment it names settles once,
/// as paid or failed, with a `disbursement.settled` event in the same transaction; every other
/// line is reported and changes nothing.
enum SettlementStore {
    /// One line of the file that was not applied, and why.
    struct Reported: Codable, Sendable {
        var line: Int
        var reference: String?
        var verdict: String
        var message: String
    }

    /// What applying a file did.
    struct Result: Codable, Sendable {
        var fileId: String
        var batchId: String
        var format: String
        /// Files with the same bytes applied to this batch before (nothing new settles twice).
        var sameFileAppliedBefore: [String]
        var lines: Int
        var paid: Int
        var failed: Int
        var reported: [Reported]
    }

    static func apply(
        _ db: Database, batchId: String, read: (lines: [Reconciliation.ResultLine], problems: [ResultsCSV.Problem]),
        sha256: String, format: String, caller: Caller, now: Date, county: String, outbox: Outbox
    ) throws -> Result {
        let batch = try BatchStore.row(db, id: batchId)
        let status: String = batch["status"]
        guard status == "approved" else {
            throw APIError.conflict("The batch is \(status); results apply only to an approved batch.", code: "not_approved")
        }
        let approvalEventId: String? = batch["approvalEventId"]
        var payments: [String: Reconciliation.Payment] = [:]
        var children: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT reference, childId, amountFen, status FROM batch_line WHERE batchId = ?", arguments: [batchId]) {
            let state: Reconciliation.PaymentState
            switch row["status"] as String {
            case "paid": state = .settled(.paid)
            case "failed": state = .settled(.failed)
            case "pending": state = .pending
            default: state = .dropped
            }
            payments[row["reference"]] = .init(amountFen: row["amountFen"], state: state)
            children[row["reference"]] = row["childId"]
        }
        let earlier = try String.fetchAll(
            db, sql: "SELECT id FROM results_file WHERE batchId = ? AND sha256 = ? ORDER BY appliedAt", arguments: [batchId, sha256])
        let fileId = EventID.next()
        var reported = read.problems.map { Reported(line: $0.line, reference: $0.reference, verdict: "invalid", message: $0.message) }
        var paid = 0, failed = 0
        let settle = try db.cachedStatement(sql: """
            UPDATE batch_line SET status = ?, failureReason = ?, settledAt = ?, settledBy = ?, resultsFileId = ?
            WHERE batchId = ? AND reference = ? AND status = 'pending'
            """)
        for (line, verdict) in Reconciliation.judge(read.lines, payments: payments) {
            guard case .apply(let outcome, let reason) = verdict else {
                reported.append(Reported(line: line.line, reference: line.reference, verdict: verdict.code, message: message(for: verdict)))
                continue
            }
            try settle.execute(arguments: [outcome.rawValue, reason, now.storedText, caller.subject, fileId, batchId, line.reference])
            guard db.changesCount == 1 else { throw APIError.conflict("Payment \(line.reference) changed while applying.", code: "conflict") }
            let payment = payments[line.reference]!
            try outbox.append(Envelope(
                occurredAt: now, county: county, correlationId: approvalEventId,
                payload: DisbursementSettled(batchId: batchId, childId: children[line.reference]!, amountFen: payment.amountFen,
                                             outcome: outcome, reason: reason)), in: db)
            if outcome == .paid { paid += 1 } else { failed += 1 }
        }
        reported.sort { $0.line < $1.line }
        try db.execute(
            sql: """
                INSERT INTO results_file (id, batchId, sha256, format, appliedBy, appliedAt, lines, paid, failed, reported)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [fileId, batchId, sha256, format, caller.subject, now.storedText,
                        read.lines.count + read.problems.count, paid, failed, reported.count])
        try AuditLog.record(
            db, .resultsApplied, by: caller, at: now, batchId: batchId,
            detail: "\(format) file \(sha256.prefix(16)): \(paid) paid, \(failed) failed, \(reported.count) reported"
                + (earlier.isEmpty ? "" : "; the same file was applied before"))
        return Result(fileId: fileId, batchId: batchId, format: format, sameFileAppliedBefore: earlier,
                      lines: read.lines.count + read.problems.count, paid: paid, failed: failed, reported: reported)
    }

    static func message(for verdict: SettlementVerdict) -> String {
        switch verdict {
        case .apply: "applied"
        case .unknown: "no payment of this batch has this reference"
        case .duplicate: "the reference appears earlier in this file; applied once"
        case .contradictory: "the reference appears in this file with both outcomes; none applied"
        case .alreadySettled: "settled by an earlier file with the same outcome"
        case .conflictsWithSettlement(let outcome): "already settled as \(outcome.rawValue); the earlier result stands"
        case .amountMismatch(let expected): "the amount differs from the payment's \(Yuan.text(fen: expected)) yuan; not applied"
        case .notSent: "this payment dropped out at approval and was never sent"
        }
    }
}
