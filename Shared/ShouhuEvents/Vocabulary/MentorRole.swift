/// What kind of mentor (帮扶人) a person is.
public enum MentorRole: String, Codable, Sendable, CaseIterable, Hashable {
    /// A teacher (教师), usually the class teacher (班主任).
    case teacher
    /// A cadre (干部) of the township or village.
    case cadre
    /// A volunteer (志愿者), including 代理家长 and 爱心妈妈/爸爸.
    case volunteer
}

/// How a child is paired (结对方式, seed 000 篇二, 篇四).
public enum PairingKind: String, Codable, Sendable, CaseIterable, Hashable {
    case oneOnOne = "one_on_one"
    /// A key-tier child: one cadre and one teacher.
    case twoOnOne = "two_on_one"
    case manyOnOne = "many_on_one"
}

/// Written and read by the fast codec as its raw value.
extension MentorRole: WireStringEnum {}

/// Written and read by the fast codec as its raw value.
extension PairingKind: WireStringEnum {}
