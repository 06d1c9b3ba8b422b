/// An assessment of a child was recorded (评估风险，明确分级, seed 000 篇二 and 篇六): the
/// guardian category, harm level and guardian rating, the five dimension scores, and the care
/// level (心级) with its tier that drive pairing, visits and subsidies.
public struct AssessmentRecorded: Event {
    public static let routingKey = "assessment.recorded"
    public static let producer = ServiceName.assessment
    public static let consumers: Set<ServiceName> = [.mentoring, .funding]
    public static let version = 1

    /// The child, a lowercase UUID.
    public var childId: String
    /// This assessment, a lowercase UUID.
    public var assessmentId: String
    /// Guardian category (被监护人类型), 1 to 3; 1 means nobody guards and one must be designated.
    public var guardianCategory: Int
    /// Harm level (等级), 1 (most severe) to 4, or nil when the child has none.
    public var harmLevel: Int?
    /// The entrusted guardian's rating (委托监护人评估).
    public var guardianRating: GuardianRating
    /// The five dimension scores behind the care level.
    public var dimensionScores: DimensionScores
    /// Care level (心级), 1 to 4 hearts; 4 needs the most care.
    public var careLevel: Int
    /// The tier the care level puts the child in: `key` (重点) exactly when `careLevel` is 4.
    public var tier: CareTier
    /// The day of the assessment.
    public var assessedOn: CalendarDate
    /// Who assessed, as a role label (`class_teacher`, `psychology_teacher`, `village_cadre`),
    /// if recorded.
    public var assessorRole: String?

    /// Makes the event.
    public init(
        childId: String, assessmentId: String, guardianCategory: Int, harmLevel: Int?,
        guardianRating: GuardianRating, dimensionScores: DimensionScores, careLevel: Int,
        tier: CareTier, assessedOn: CalendarDate, assessorRole: String? = nil
    ) {
        self.childId = childId
        self.assessmentId = assessmentId
        self.guardianCategory = guardianCategory
        self.harmLevel = harmLevel
        self.guardianRating = guardianRating
        self.dimensionScores = dimensionScores
        self.careLevel = careLevel
        self.tier = tier
        self.assessedOn = assessedOn
        self.assessorRole = assessorRole
    }

    /// Checks the ids, the ranges of every rating and score, and that the tier matches the care
    /// level. How the care level follows from the ratings is the assessment service's policy,
    /// not checked here.
    public func validate() throws(EventValidationError) {
        try Check.uuid(childId, "childId")
        try Check.uuid(assessmentId, "assessmentId")
        try Check.range(guardianCategory, 1...3, "guardianCategory")
        if let harmLevel { try Check.range(harmLevel, 1...4, "harmLevel") }
        try Check.nested("dimensionScores") { () throws(EventValidationError) in
            try dimensionScores.validate()
        }
        try Check.range(careLevel, 1...4, "careLevel")
        try Check.that(
            (tier == .key) == (careLevel == 4), "tier",
            "must be key exactly when careLevel is 4 (careLevel \(careLevel), tier \(tier.rawValue))")
        if let assessorRole { try Check.text(assessorRole, "assessorRole", max: 50) }
    }

    // MARK: - Codable

    private enum CodingKeys: String, CodingKey {
        case childId, assessmentId, guardianCategory, harmLevel, guardianRating, dimensionScores
        case careLevel, tier, assessedOn, assessorRole
    }

    /// Reads the payload; numbers that are not whole or do not fit are reported at their key.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        childId = try container.decode(String.self, forKey: .childId)
        assessmentId = try container.decode(String.self, forKey: .assessmentId)
        guardianCategory = try container.decodeInteger(Int.self, forKey: .guardianCategory)
        harmLevel = try container.decodeIntegerIfPresent(Int.self, forKey: .harmLevel)
        guardianRating = try container.decode(GuardianRating.self, forKey: .guardianRating)
        dimensionScores = try container.decode(DimensionScores.self, forKey: .dimensionScores)
        careLevel = try container.decodeInteger(Int.self, forKey: .careLevel)
        tier = try container.decode(CareTier.self, forKey: .tier)
        assessedOn = try container.decode(CalendarDate.self, forKey: .assessedOn)
        assessorRole = try container.decodeIfPresent(String.self, forKey: .assessorRole)
    }

    /// Writes every field, absent optionals as `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(childId, forKey: .childId)
        try container.encode(assessmentId, forKey: .assessmentId)
        try container.encode(guardianCategory, forKey: .guardianCategory)
        try container.encode(harmLevel, forKey: .harmLevel)
        try container.encode(guardianRating, forKey: .guardianRating)
        try container.encode(dimensionScores, forKey: .dimensionScores)
        try container.encode(careLevel, forKey: .careLevel)
        try container.encode(tier, forKey: .tier)
        try container.encode(assessedOn, forKey: .assessedOn)
        try container.encode(assessorRole, forKey: .assessorRole)
    }
}
