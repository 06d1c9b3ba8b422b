/// The five Shouhu services. The raw value names each one's queue (`shouhu.<service>`), its
/// SQLite file (`<service>.sqlite`) and the `producer` field of the events it publishes.
public enum ServiceName: String, Codable, Sendable, CaseIterable, Hashable {
    case intake
    case assessment
    case mentoring
    case notification
    case funding
}

/// Written and read by the fast codec as its raw value.
extension ServiceName: WireStringEnum {}
