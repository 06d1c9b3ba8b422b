import FundingDomain
import GRDB

/// The year's money as the store knows it: paid, and committed to drafts and to payments the
/// bank has not answered.
enum BudgetLedger {
    /// The standing of `year`, optionally leaving one batch out (the one being approved, whose
    /// own lines are already counted as committed).
    static func status(_ db: Database, year: Int, policy: FundingPolicy, excludingBatch: String? = nil) throws -> BudgetStatus {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT COALESCE(SUM(CASE WHEN status = 'paid' THEN amountFen END), 0) AS paid,
                       COALESCE(SUM(CASE WHEN status IN ('draft', 'pending') THEN amountFen END), 0) AS committed
                FROM batch_line WHERE budgetYear = ? AND batchId IS NOT ?
                """,
            arguments: [year, excludingBatch])!
        return BudgetStatus(year: year, budgetFen: policy.budgetFen(year: year), paidFen: row["paid"], committedFen: row["committed"])
    }
}
