/// One reason a child may be subsidised (救助对象), each a county switch. The seed names
/// single-parent families and families with a parent disabled or seriously ill ("单亲家庭或父母
/// 一方残疾（重病）"); minimum-allowance households (低保) and key-tier children (重点) are common
/// additions that a county turns on.
public enum EligibilityRule: String, Codable, Sendable, CaseIterable, Hashable {
    /// Single-parent family (单亲家庭): the ledger's `single_parent` flag.
    case singleParent = "single_parent"
    /// A parent disabled or seriously ill (父母残疾或重病): the ledger's flag, or a parent whose
    /// status is `disabled_or_ill`.
    case parentDisabledOrIll = "parent_disabled_or_ill"
    /// Minimum living allowance household (低保户): the ledger's flag.
    case minimumAllowance = "minimum_allowance"
    /// Key tier (重点, care level 4) at the child's latest assessment.
    case keyTier = "key_tier"
}
