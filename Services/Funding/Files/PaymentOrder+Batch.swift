import FundingDomain
import GRDB
import ShouhuEvents
import ShouhuService

extension PaymentOrder {
    /// The payment order of an approved batch: every payment sent (pending, paid or failed), in
    /// line order, with the account frozen at approval. Nothing in it depends on when it is
    /// asked for, so the same batch always writes the same file.
    /// - Throws: 409 `not_approved` unless the batch is approved; 422 `debtor_not_configured`.
    static func load(_ db: Database, batchId: String, debtor: PaymentOrder.Debtor?, county: String) throws -> PaymentOrder {
        let batch = try BatchStore.row(db, id: batchId)
        let status: String = batch["status"]
        guard status == "approved" else {
            throw APIError.conflict("The batch is \(status); only an approved batch has a payment file.", code: "not_approved")
        }
        guard let debtor else {
            throw APIError.unprocessable(
                "The fund's own account is not configured (SHOUHU_FUNDING_DEBTOR_NAME and SHOUHU_FUNDING_DEBTOR_ACCOUNT).",
                code: "debtor_not_configured")
        }
        let period: String = batch["period"]
        let number: Int = batch["number"]
        let purpose = "救助基金 \(period) 留守儿童补助"
        let transfers = try Row.fetchAll(db, sql: """
            SELECT reference, amountFen, holderName, accountNumber, bankName, bankCode FROM batch_line
            WHERE batchId = ? AND status IN ('pending', 'paid', 'failed') ORDER BY lineNumber
            """, arguments: [batchId]).map { row in
                Transfer(reference: row["reference"], amountFen: row["amountFen"], holderName: row["holderName"],
                         account: row["accountNumber"], bankName: row["bankName"], bankCode: row["bankCode"], purpose: purpose)
            }
        let messageId = BatchStore.messageId(county: county, batch: number)
        return PaymentOrder(
            messageId: messageId, paymentInfoId: messageId + "-P", createdAt: batch["approvedAt"],
            executionDate: CalendarDate(batch["approvedOn"] as String)!, debtor: debtor, transfers: transfers)
    }
}
