import ShouhuEvents

/// A place in a child's pairing still to fill (domain.md: every child has at least one mentor;
/// a key-tier child has a cadre and a teacher, seed 000 篇六 "干部+教师 二对一").
public enum PairingNeed: String, Sendable, Hashable, Codable, CaseIterable {
    /// A teacher from the child's school.
    case teacher
    /// A cadre from the child's township.
    case cadre
    /// Any mentor from the child's school or township (a general-tier child with none).
    case anyMentor = "any_mentor"

    /// What is still missing for a child of `tier` who has mentors of these roles.
    public static func missing(tier: CareTier, current roles: [MentorRole]) -> [PairingNeed] {
        switch tier {
        case .key:
            return (roles.contains(.teacher) ? [] : [.teacher]) + (roles.contains(.cadre) ? [] : [.cadre])
        case .general:
            return roles.isEmpty ? [.anyMentor] : []
        }
    }
}
