/// The tier a care level puts a child in (domain.md, seed 000 篇六): 1–3 hearts are general
/// (the village committee and school are responsible), 4 hearts are key (重点, two-on-one).
public enum CareTier: String, Codable, Sendable, CaseIterable, Hashable {
    case general
    case key
}

/// Written and read by the fast codec as its raw value.
extension CareTier: WireStringEnum {}
