/// A child's gender as the ledger records it (性别).
public enum Gender: String, Codable, Sendable, CaseIterable, Hashable {
    case male
    case female
}

/// Written and read by the fast codec as its raw value.
extension Gender: WireStringEnum {}
