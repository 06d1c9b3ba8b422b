/// The assessment of the entrusted guardian (委托监护人评估, seed 000 篇二).
public enum GuardianRating: String, Codable, Sendable, CaseIterable, Hashable {
    /// 较好
    case good
    /// 一般
    case fair
    /// 差: makes the care level 4 whatever the scores say.
    case poor
}

/// Written and read by the fast codec as its raw value.
extension GuardianRating: WireStringEnum {}
