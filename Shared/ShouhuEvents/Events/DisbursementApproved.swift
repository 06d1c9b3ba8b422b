/// A subsidy batch from the relief fund (救助基金) was approved by a second officer and may now
/// be paid: how many children and how much in all.
public struct DisbursementApproved: Event {
    public static let routingKey = "disbursement.approved"
    public static let producer = ServiceName.funding
    public static let consumers: Set<ServiceName> = [.notification]
    public static let version = 1

    /// The batch, a lowercase UUID.
    public var batchId: String
    /// The entitlement period (发放期): `YYYY-S1` or `YYYY-S2` for a semester, `YYYY-MM` for a
    /// month.
    public var period: String
    /// How many children the batch pays, at least 1.
    public var count: Int
    /// The batch total in fen (分), at least 1. Money is whole fen, never a floating number.
    public var totalFen: Int64

    /// Makes the event.
    public init(batchId: String, period: String, count: Int, totalFen: Int64) {
        self.batchId = batchId
        self.period = period
        self.count = count
        self.totalFen = totalFen
    }

    /// Checks the id, the period's form and that the count and total are positive.
    public func validate() throws(EventValidationError) {
        try Check.uuid(batchId, "batchId")
        try Check.that(
            FieldFormat.isDisbursementPeriod(period), "period",
            "must be YYYY-S1, YYYY-S2 or YYYY-MM, got \"\(period)\"")
        try Check.that(count >= 1, "count", "must be 1 or more, got \(count)")
        try Check.that(totalFen >= 1, "totalFen", "must be 1 or more, got \(totalFen)")
    }

    private enum CodingKeys: String, CodingKey {
        case batchId, period, count, totalFen
    }

    /// Reads the payload; numbers that are not whole or do not fit are reported at their key.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        batchId = try container.decode(String.self, forKey: .batchId)
        period = try container.decode(String.self, forKey: .period)
        count = try container.decodeInteger(Int.self, forKey: .count)
        totalFen = try container.decodeInteger(Int64.self, forKey: .totalFen)
    }
}
