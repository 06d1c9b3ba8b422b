/// A child's risk rose (风险升级): the care level went up, or the harm level became more severe
/// (a smaller number, or one appeared where there was none). The mentors and the responsible
/// officer must hear of it at once (domain.md, Assessment).
public struct RiskEscalated: Event {
    public static let routingKey = "risk.escalated"
    public static let producer = ServiceName.assessment
    public static let consumers: Set<ServiceName> = [.mentoring, .notification]
    public static let version = 1

    /// The child, a lowercase UUID.
    public var childId: String
    /// The assessment that showed the rise, a lowercase UUID.
    public var assessmentId: String
    /// The care level before, 1 to 4; nil for the child's first assessment.
    public var fromCareLevel: Int?
    /// The care level now, 1 to 4.
    public var toCareLevel: Int
    /// The harm level before, 1 to 4, or nil for none.
    public var fromHarmLevel: Int?
    /// The harm level now, 1 to 4, or nil for none.
    public var toHarmLevel: Int?
    /// Why, in words for the people alerted (at least one, each up to 200 characters).
    public var reasons: [String]

    /// Makes the event.
    public init(
        childId: String, assessmentId: String, fromCareLevel: Int?, toCareLevel: Int,
        fromHarmLevel: Int?, toHarmLevel: Int?, reasons: [String]
    ) {
        self.childId = childId
        self.assessmentId = assessmentId
        self.fromCareLevel = fromCareLevel
        self.toCareLevel = toCareLevel
        self.fromHarmLevel = fromHarmLevel
        self.toHarmLevel = toHarmLevel
        self.reasons = reasons
    }

    /// Whether the care level rose; any level counts as a rise from no assessment at all.
    public var careLevelRose: Bool {
        guard let fromCareLevel else { return true }
        return toCareLevel > fromCareLevel
    }

    /// Whether the harm level became more severe: a smaller number, or some where there was none.
    public var harmWorsened: Bool {
        guard let toHarmLevel else { return false }
        guard let fromHarmLevel else { return true }
        return toHarmLevel < fromHarmLevel
    }

    /// Checks the ids and ranges, that there is a reason, and that this is really a rise.
    public func validate() throws(EventValidationError) {
        try Check.uuid(childId, "childId")
        try Check.uuid(assessmentId, "assessmentId")
        if let fromCareLevel { try Check.range(fromCareLevel, 1...4, "fromCareLevel") }
        try Check.range(toCareLevel, 1...4, "toCareLevel")
        if let fromHarmLevel { try Check.range(fromHarmLevel, 1...4, "fromHarmLevel") }
        if let toHarmLevel { try Check.range(toHarmLevel, 1...4, "toHarmLevel") }
        try Check.nonEmpty(reasons, "reasons")
        for (index, reason) in reasons.enumerated() {
            try Check.text(reason, "reasons[\(index)]", max: 200)
        }
        try Check.that(
            careLevelRose || harmWorsened, "toCareLevel",
            "is not a rise: the care level did not go up and the harm level did not become more severe")
    }

    // MARK: - Codable

    private enum CodingKeys: String, CodingKey {
        case childId, assessmentId, fromCareLevel, toCareLevel, fromHarmLevel, toHarmLevel, reasons
    }

    /// Reads the payload; numbers that are not whole or do not fit are reported at their key.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        childId = try container.decode(String.self, forKey: .childId)
        assessmentId = try container.decode(String.self, forKey: .assessmentId)
        fromCareLevel = try container.decodeIntegerIfPresent(Int.self, forKey: .fromCareLevel)
        toCareLevel = try container.decodeInteger(Int.self, forKey: .toCareLevel)
        fromHarmLevel = try container.decodeIntegerIfPresent(Int.self, forKey: .fromHarmLevel)
        toHarmLevel = try container.decodeIntegerIfPresent(Int.self, forKey: .toHarmLevel)
        reasons = try container.decode([String].self, forKey: .reasons)
    }

    /// Writes every field, absent levels as `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(childId, forKey: .childId)
        try container.encode(assessmentId, forKey: .assessmentId)
        try container.encode(fromCareLevel, forKey: .fromCareLevel)
        try container.encode(toCareLevel, forKey: .toCareLevel)
        try container.encode(fromHarmLevel, forKey: .fromHarmLevel)
        try container.encode(toHarmLevel, forKey: .toHarmLevel)
        try container.encode(reasons, forKey: .reasons)
    }
}
