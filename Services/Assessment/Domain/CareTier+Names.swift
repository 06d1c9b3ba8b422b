import ShouhuEvents

/// Names for the care tiers in reason lines (seed 000 篇六: 普遍级别 1–3心, 重点级别 4心).
extension CareTier {
    /// 普遍关注 or 重点关注（二对一）.
    public var chineseName: String {
        switch self {
        case .general: return "普遍关注"
        case .key: return "重点关注（二对一）"
        }
    }

    /// `general tier` or `key tier (two-on-one)`.
    public var englishName: String {
        switch self {
        case .general: return "general tier"
        case .key: return "key tier (two-on-one)"
        }
    }
}
