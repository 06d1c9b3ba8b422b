/// The bank's result for one child's payment in a batch (发放结果): paid, or failed with the
/// bank's reason.
public struct DisbursementSettled: Event {
    public static let routingKey = "disbursement.settled"
    public static let producer = ServiceName.funding
    public static let consumers: Set<ServiceName> = [.notification]
    public static let version = 1

    /// How a payment ended.
    public enum Outcome: String, Codable, Sendable, CaseIterable, Hashable {
        /// The money reached the account.
        case paid
        /// The bank refused or returned it.
        case failed
    }

    /// The batch, a lowercase UUID.
    public var batchId: String
    /// The child paid, a lowercase UUID.
    public var childId: String
    /// The amount in fen (分), at least 1.
    public var amountFen: Int64
    /// Paid or failed.
    public var outcome: Outcome
    /// Why it failed, in the bank's words (up to 200 characters); required when it failed.
    public var reason: String?

    /// Makes the event.
    public init(
        batchId: String, childId: String, amountFen: Int64, outcome: Outcome, reason: String? = nil
    ) {
        self.batchId = batchId
        self.childId = childId
        self.amountFen = amountFen
        self.outcome = outcome
        self.reason = reason
    }

    /// Checks the ids, that the amount is positive, and that a failure says why.
    public func validate() throws(EventValidationError) {
        try Check.uuid(batchId, "batchId")
        try Check.uuid(childId, "childId")
        try Check.that(amountFen >= 1, "amountFen", "must be 1 or more, got \(amountFen)")
        if let reason {
            try Check.text(reason, "reason", max: 200)
        } else {
            try Check.that(outcome != .failed, "reason", "is required when the outcome is failed")
        }
    }

    private enum CodingKeys: String, CodingKey {
        case batchId, childId, amountFen, outcome, reason
    }

    /// Reads the payload; an amount that is not whole or does not fit is reported at its key.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        batchId = try container.decode(String.self, forKey: .batchId)
        childId = try container.decode(String.self, forKey: .childId)
        amountFen = try container.decodeInteger(Int64.self, forKey: .amountFen)
        outcome = try container.decode(Outcome.self, forKey: .outcome)
        reason = try container.decodeIfPresent(String.self, forKey: .reason)
    }

    /// Writes every field, an absent reason as `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(batchId, forKey: .batchId)
        try container.encode(childId, forKey: .childId)
        try container.encode(amountFen, forKey: .amountFen)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(reason, forKey: .reason)
    }
}
