public import ShouhuEvents

/// Matches a bank's results (paid or failed per payment reference) against a batch's payments,
/// so that every line is either applied once or reported, and a file applied twice settles once.
public enum Reconciliation {
    /// Where a payment of the batch stands.
    public enum PaymentState: Sendable, Hashable {
        /// Sent to the bank, no answer yet.
        case pending
        /// Settled before.
        case settled(DisbursementSettled.Outcome)
        /// Dropped at approval; never in a payment file.
        case dropped
    }

    /// A payment of the batch as the reconciliation sees it.
    public struct Payment: Sendable, Hashable {
        public var amountFen: Int64
        public var state: PaymentState

        /// Makes a payment.
        public init(amountFen: Int64, state: PaymentState) {
            self.amountFen = amountFen
            self.state = state
        }
    }

    /// One line of the bank's file, as read.
    public struct ResultLine: Sendable, Hashable {
        /// The line (CSV) or transaction (XML) number in the file, 1-based, for messages.
        public var line: Int
        /// The payment reference (EndToEndId) the bank echoes.
        public var reference: String
        /// Paid or failed.
        public var outcome: DisbursementSettled.Outcome
        /// The bank's reason when it failed.
        public var reason: String?
        /// The amount the bank reports, if the file has one.
        public var amountFen: Int64?

        /// Makes a line.
        public init(line: Int, reference: String, outcome: DisbursementSettled.Outcome, reason: String? = nil, amountFen: Int64? = nil) {
            self.line = line
            self.reference = reference
            self.outcome = outcome
            self.reason = reason
            self.amountFen = amountFen
        }
    }

    /// The reason recorded when the bank failed a payment without saying why.
    public static let unstatedReason = "银行未说明原因 / no reason given by the bank"

    /// Judges every line of a file against the batch's payments (by reference).
    /// - Returns: one verdict per line, in file order.
    public static func judge(_ lines: [ResultLine], payments: [String: Payment]) -> [(ResultLine, SettlementVerdict)] {
        var outcomesByReference: [String: Set<DisbursementSettled.Outcome>] = [:]
        for line in lines { outcomesByReference[line.reference, default: []].insert(line.outcome) }
        var seen = Set<String>()
        return lines.map { line in
            guard let payment = payments[line.reference] else { return (line, .unknown) }
            if outcomesByReference[line.reference]!.count > 1 { return (line, .contradictory) }
            guard seen.insert(line.reference).inserted else { return (line, .duplicate) }
            if let amount = line.amountFen, amount != payment.amountFen {
                return (line, .amountMismatch(expectedFen: payment.amountFen))
            }
            switch payment.state {
            case .dropped: return (line, .notSent)
            case .settled(let outcome) where outcome == line.outcome: return (line, .alreadySettled)
            case .settled(let outcome): return (line, .conflictsWithSettlement(outcome))
            case .pending:
                let reason = line.outcome == .failed ? clippedReason(line.reason) : nil
                return (line, .apply(line.outcome, reason: reason))
            }
        }
    }

    /// A failure reason fit for the event: trimmed, one line, at most 200 characters; the
    /// stated default when the bank gave none.
    static func clippedReason(_ reason: String?) -> String {
        let flat = (reason ?? "").split(whereSeparator: \.isNewline).joined(separator: " ")
        let trimmed = flat.trimmingSpaces()
        return trimmed.isEmpty ? unstatedReason : String(trimmed.prefix(200))
    }
}

extension String {
    /// Without leading and trailing spaces and tabs (no Foundation in the domain).
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}
