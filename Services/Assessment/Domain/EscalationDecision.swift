/// What changed between two ratings of the same child, and whether it is a risk escalation
/// (风险升级) that mentors and the responsible officer must hear of at once. Its fields map onto
/// `RiskEscalated` (fromCareLevel, toCareLevel, fromHarmLevel, toHarmLevel, reasons).
public struct EscalationDecision: Sendable, Hashable {
    /// The kind of change.
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// Care level rose, or harm level became more severe (including none → some), or a first
        /// assessment landed above the alert line: publish `RiskEscalated`.
        case escalated
        /// Nothing rose, and care level fell or harm level improved (降级): recorded, no alert.
        case deescalated
        /// Neither care level nor harm level changed.
        case unchanged
        /// A first assessment below the alert line: the child's baseline, no alert.
        case baseline
    }

    /// The kind of change.
    public let outcome: Outcome
    /// Whether there was no earlier rating.
    public let isFirstAssessment: Bool
    /// The earlier care level; nil on a first assessment.
    public let fromCareLevel: CareLevel?
    /// The new care level.
    public let toCareLevel: CareLevel
    /// The earlier harm level; nil when there was none or no earlier assessment.
    public let fromHarmLevel: HarmLevel?
    /// The new harm level; nil for none.
    public let toHarmLevel: HarmLevel?
    /// What rose (first), what fell, and for an escalation the rules behind the new level;
    /// Chinese first, English after.
    public let reasons: [String]

    /// Whether to publish `RiskEscalated`.
    public var isEscalation: Bool { outcome == .escalated }

    /// Assembles a decision; `Escalation.compare` is the way to make one.
    public init(
        outcome: Outcome, isFirstAssessment: Bool, fromCareLevel: CareLevel?,
        toCareLevel: CareLevel, fromHarmLevel: HarmLevel?, toHarmLevel: HarmLevel?,
        reasons: [String]
    ) {
        self.outcome = outcome
        self.isFirstAssessment = isFirstAssessment
        self.fromCareLevel = fromCareLevel
        self.toCareLevel = toCareLevel
        self.fromHarmLevel = fromHarmLevel
        self.toHarmLevel = toHarmLevel
        self.reasons = reasons
    }
}
