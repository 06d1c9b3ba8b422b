import Foundation
import GRDB
import ShouhuEvents
import ShouhuService

/// The append-only trail of who did what to batches and payee accounts (the store refuses to
/// change or delete a row).
enum AuditLog {
    /// What can happen.
    enum Action: String {
        case batchCreated = "batch_created"
        case batchApproved = "batch_approved"
        case batchCancelled = "batch_cancelled"
        case paymentFileExported = "payment_file_exported"
        case resultsApplied = "results_applied"
        case payeeAccountSet = "payee_account_set"
        case payeeAccountRemoved = "payee_account_removed"
    }

    /// Appends one entry in the caller's transaction. `detail` must never hold a full account
    /// number: masked ones only.
    static func record(
        _ db: Database, _ action: Action, by caller: Caller, at now: Date, batchId: String? = nil, childId: String? = nil,
        detail: String
    ) throws {
        try db.execute(
            sql: "INSERT INTO audit (at, actor, role, action, batchId, childId, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [now.storedText, caller.subject, caller.role.rawValue, action.rawValue, batchId, childId, detail])
    }
}

extension Date {
    /// RFC 3339 UTC text, to the millisecond, the form the store keeps instants in.
    var storedText: String { RFC3339.string(from: self) ?? "" }
}
