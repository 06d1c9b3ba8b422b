import Foundation
import FundingDomain
import GRDB
import ShouhuService

/// Payee accounts (收款账户) per child, entered by funding officers. The full number is kept for
/// the payment file; everything else — responses, the audit trail, logs — sees it masked.
enum PayeeAccounts {
    /// What an officer enters.
    struct Input: Decodable, Sendable {
        var bankName: String
        var accountNumber: String
        var bankCode: String?
        /// The holder (收款人); the guardian by default.
        var holderName: String?
        /// The version the officer last saw, to refuse a silent overwrite (optional on first entry).
        var expectedVersion: Int?
    }

    /// An account as every response shows it.
    struct View: Codable, Sendable {
        var childId: String
        var bankName: String
        var bankCode: String?
        var accountMasked: String
        var holderName: String
        var holderIsGuardian: Bool
        var enteredBy: String
        var enteredAt: String
        var version: Int
    }

    static func view(_ row: Row) -> View {
        View(childId: row["childId"], bankName: row["bankName"], bankCode: row["bankCode"],
             accountMasked: AccountNumber.masked(row["accountNumber"]), holderName: row["holderName"],
             holderIsGuardian: row["holderIsGuardian"], enteredBy: row["enteredBy"], enteredAt: row["enteredAt"],
             version: row["version"])
    }

    static func find(_ db: Database, childId: String) throws -> View? {
        try Row.fetchOne(db, sql: "SELECT * FROM payee_account WHERE childId = ?", arguments: [childId]).map(view)
    }

    /// Enters or replaces a child's account.
    /// - Throws: 404 for a child funding has not heard of; 400 naming a bad field; 409
    ///   `version_conflict` when `expectedVersion` is not the stored one.
    static func set(_ db: Database, childId: String, input: Input, caller: Caller, now: Date) throws -> View {
        let child = try ChildProjection.load(db, childId: childId)
        guard child.isRegistered else { throw APIError.notFound("No registered child \(childId).") }
        let bankName = input.bankName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...100).contains(bankName.count) else {
            throw APIError.badRequest("`bankName` must be 1 to 100 characters.", code: "invalid_bank_name", field: "bankName")
        }
        guard let number = AccountNumber.normalized(input.accountNumber) else {
            throw APIError.badRequest("`accountNumber` must be 8 to 30 digits (spaces and hyphens are ignored).",
                                      code: "invalid_account_number", field: "accountNumber")
        }
        let bankCode = input.bankCode?.trimmingCharacters(in: .whitespaces)
        if let bankCode, !bankCode.isEmpty, !(bankCode.count == 12 && bankCode.allSatisfy(\.isASCIIDigit)) {
            throw APIError.badRequest("`bankCode` is the 12-digit CNAPS code (联行号).", code: "invalid_bank_code", field: "bankCode")
        }
        let given = input.holderName?.trimmingCharacters(in: .whitespacesAndNewlines)
        let holder = (given?.isEmpty == false ? given : nil) ?? child.guardianName
        guard let holder, (1...70).contains(holder.count) else {
            throw APIError.badRequest("`holderName` is required (1 to 70 characters) when the child has no named guardian.",
                                      code: "invalid_holder_name", field: "holderName")
        }
        let existing = try Row.fetchOne(db, sql: "SELECT version, accountNumber FROM payee_account WHERE childId = ?", arguments: [childId])
        let current: Int? = existing?["version"]
        if let expected = input.expectedVersion, expected != (current ?? 0) {
            throw APIError.conflict("The account was changed by someone else (version \(current ?? 0), you saw \(expected)).",
                                    code: "version_conflict", field: "expectedVersion")
        }
        try db.execute(
            sql: """
                INSERT INTO payee_account (childId, bankName, bankCode, accountNumber, holderName, holderIsGuardian, enteredBy, enteredAt, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)
                ON CONFLICT (childId) DO UPDATE SET bankName = excluded.bankName, bankCode = excluded.bankCode,
                    accountNumber = excluded.accountNumber, holderName = excluded.holderName,
                    holderIsGuardian = excluded.holderIsGuardian, enteredBy = excluded.enteredBy,
                    enteredAt = excluded.enteredAt, version = payee_account.version + 1
                """,
            arguments: [childId, bankName, bankCode?.isEmpty == false ? bankCode : nil, number, holder, holder == child.guardianName,
                        caller.subject, now.storedText])
        let previous = (existing?["accountNumber"] as String?).map { " (was \(AccountNumber.masked($0)))" } ?? ""
        try AuditLog.record(db, .payeeAccountSet, by: caller, at: now, childId: childId,
                            detail: "\(bankName) \(AccountNumber.masked(number))\(previous)")
        return try find(db, childId: childId)!
    }

    /// Removes a child's account; drafts that include the child drop the line at approval.
    static func remove(_ db: Database, childId: String, caller: Caller, now: Date) throws {
        guard let number = try String.fetchOne(db, sql: "SELECT accountNumber FROM payee_account WHERE childId = ?", arguments: [childId]) else {
            throw APIError.notFound("Child \(childId) has no payee account.")
        }
        try db.execute(sql: "DELETE FROM payee_account WHERE childId = ?", arguments: [childId])
        try AuditLog.record(db, .payeeAccountRemoved, by: caller, at: now, childId: childId, detail: AccountNumber.masked(number))
    }
}
