public import ShouhuEvents

/// What one line of a bank's results file does to a batch (对账).
public enum SettlementVerdict: Sendable, Hashable {
    /// Settles a pending payment: paid, or failed with the bank's reason.
    case apply(DisbursementSettled.Outcome, reason: String?)
    /// No payment of this batch has this reference.
    case unknown
    /// The reference appeared earlier in the same file with the same outcome; applied once.
    case duplicate
    /// The reference appears in the file with different outcomes; none of them is applied.
    case contradictory
    /// The payment was settled before (by an earlier file) with the same outcome.
    case alreadySettled
    /// The payment was settled before with the other outcome; the earlier one stands.
    case conflictsWithSettlement(DisbursementSettled.Outcome)
    /// The file's amount is not the payment's.
    case amountMismatch(expectedFen: Int64)
    /// The payment dropped out at approval and was never sent.
    case notSent

    /// The snake_case name used in responses.
    public var code: String {
        switch self {
        case .apply(let outcome, _): outcome.rawValue
        case .unknown: "unknown"
        case .duplicate: "duplicate"
        case .contradictory: "contradictory"
        case .alreadySettled: "already_settled"
        case .conflictsWithSettlement: "conflicts_with_settlement"
        case .amountMismatch: "amount_mismatch"
        case .notSent: "not_sent"
        }
    }
}
