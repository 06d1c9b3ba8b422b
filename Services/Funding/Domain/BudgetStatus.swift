/// One year of the relief fund (救助基金年度预算): the budget, what was paid, what is committed
/// to batches not yet settled, and what is left.
public struct BudgetStatus: Sendable, Hashable, Codable {
    /// The year.
    public var year: Int
    /// The year's budget, in fen.
    public var budgetFen: Int64
    /// Paid out (the bank confirmed), in fen.
    public var paidFen: Int64
    /// Held by draft batches and by approved payments the bank has not answered, in fen.
    /// A failed payment holds nothing: its money is free again.
    public var committedFen: Int64

    /// Makes a year's status.
    public init(year: Int, budgetFen: Int64, paidFen: Int64, committedFen: Int64) {
        self.year = year
        self.budgetFen = budgetFen
        self.paidFen = paidFen
        self.committedFen = committedFen
    }

    /// Paid and committed together.
    public var usedFen: Int64 { paidFen + committedFen }

    /// What a new batch may still spend (negative if the budget was lowered below what is used).
    public var leftFen: Int64 { budgetFen - usedFen }

    private enum CodingKeys: String, CodingKey {
        case year, budgetFen, paidFen, committedFen, usedFen, leftFen
    }

    /// Reads the four stored figures (the two derived ones are ignored).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        year = try container.decode(Int.self, forKey: .year)
        budgetFen = try container.decode(Int64.self, forKey: .budgetFen)
        paidFen = try container.decode(Int64.self, forKey: .paidFen)
        committedFen = try container.decode(Int64.self, forKey: .committedFen)
    }

    /// Writes the figures with `usedFen` and `leftFen`, so a reader need not add them up.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(year, forKey: .year)
        try container.encode(budgetFen, forKey: .budgetFen)
        try container.encode(paidFen, forKey: .paidFen)
        try container.encode(committedFen, forKey: .committedFen)
        try container.encode(usedFen, forKey: .usedFen)
        try container.encode(leftFen, forKey: .leftFen)
    }
}
