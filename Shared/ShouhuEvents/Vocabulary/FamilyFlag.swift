/// Family circumstances the ledger records (家庭情况); several may hold at once. Subsidy
/// eligibility and reports read them.
public enum FamilyFlag: String, Codable, Sendable, CaseIterable, Hashable {
    /// Single-parent family (单亲家庭).
    case singleParent = "single_parent"
    /// A parent is disabled or seriously ill (父母残疾或重病).
    case parentDisabledOrIll = "parent_disabled_or_ill"
    /// Orphan (孤儿).
    case orphan
    /// Minimum living allowance household (低保户).
    case minimumAllowance = "minimum_allowance"
    /// Registered poor household (建档立卡贫困户).
    case povertyRegistered = "poverty_registered"
}

/// Written and read by the fast codec as its raw value.
extension FamilyFlag: WireStringEnum {}
