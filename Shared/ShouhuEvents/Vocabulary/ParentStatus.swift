/// A parent's situation (父母动态), kept current in the ledger.
public enum ParentStatus: String, Codable, Sendable, CaseIterable, Hashable {
    /// Working away from the rural home (外出务工), with a place and a since-date.
    case workingAway = "working_away"
    /// Living at home with the child.
    case atHome = "at_home"
    /// Deceased (去世).
    case deceased
    /// Disabled or seriously ill, without capacity to guard (残疾/重病, 无监护能力).
    case disabledOrIll = "disabled_or_ill"
    /// Whereabouts or situation unknown (下落不明).
    case unknown
}

/// Which parent a ledger entry describes.
public enum ParentRole: String, Codable, Sendable, CaseIterable, Hashable {
    case father
    case mother
}

/// Written and read by the fast codec as its raw value.
extension ParentStatus: WireStringEnum {}

/// Written and read by the fast codec as its raw value.
extension ParentRole: WireStringEnum {}
