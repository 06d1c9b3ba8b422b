import ShouhuEvents

/// Auto-pairing (结对): fills what a child's pairing lacks from the mentors of the child's school
/// and township who have room, and says plainly what could not be filled, so an unpaired child
/// is listed and never a silent gap.
public enum PairingPlanner {
    /// Where the child lives and learns, and the tier.
    public struct Child: Sendable, Hashable {
        public var tier: CareTier
        public var schoolId: String?
        /// The 12-digit village code; its first 9 digits are the township.
        public var villageCode: String

        /// Makes the child's side of a plan.
        public init(tier: CareTier, schoolId: String?, villageCode: String) {
            self.tier = tier
            self.schoolId = schoolId
            self.villageCode = villageCode
        }

        var townshipCode: String { String(villageCode.prefix(9)) }
    }

    /// The outcome: the mentors to assign, each for one need, and the needs nobody could fill.
    public struct Plan: Sendable, Equatable {
        /// Mentors to pair, in the order of the needs they fill.
        public var assignments: [MentorCandidate]
        /// Needs left open: the child goes on the unpaired list and the township must act.
        public var unmet: [PairingNeed]
    }

    /// Plans the pairings a child needs.
    ///
    /// A need is filled by the eligible mentor with room who is closest (the child's school,
    /// then the child's village, then the township itself, then another village of the
    /// township), then with the smallest caseload, then by id, so the result is the same every
    /// time.
    /// - Parameters:
    ///   - current: the roles of the mentors already paired.
    ///   - currentIds: their ids (never picked again).
    ///   - excluding: mentors not to pick (one just unpaired by hand).
    public static func plan(
        for child: Child, current: [MentorRole], currentIds: Set<String> = [], candidates: [MentorCandidate],
        excluding: Set<String> = []
    ) -> Plan {
        var chosen: [MentorCandidate] = []
        var unmet: [PairingNeed] = []
        var taken = currentIds.union(excluding)
        for need in PairingNeed.missing(tier: child.tier, current: current) {
            let ranked = candidates.compactMap { candidate -> (Int, MentorCandidate)? in
                guard candidate.hasRoom, !taken.contains(candidate.id),
                    let rank = closeness(of: candidate, to: child, for: need)
                else { return nil }
                return (rank, candidate)
            }
            let best = ranked.min { a, b in
                (a.0, a.1.caseload, a.1.id) < (b.0, b.1.caseload, b.1.id)
            }
            if let best {
                chosen.append(best.1)
                taken.insert(best.1.id)
            } else {
                unmet.append(need)
            }
        }
        return Plan(assignments: chosen, unmet: unmet)
    }

    /// How close a mentor is to the child for a need (smaller is closer), or nil when the
    /// mentor cannot fill it.
    static func closeness(of mentor: MentorCandidate, to child: Child, for need: PairingNeed) -> Int? {
        let atSchool = child.schoolId != nil && mentor.schoolId == child.schoolId
        var local: Int?
        if let division = mentor.divisionCode {
            if division == child.villageCode {
                local = 1
            } else if division == child.townshipCode {
                local = 2
            } else if division.count == 12, division.hasPrefix(child.townshipCode) {
                local = 3
            }
        }
        switch need {
        case .teacher:
            guard mentor.role == .teacher else { return nil }
            // A child out of school can still have a teacher of the township.
            if atSchool { return 0 }
            return child.schoolId == nil ? local : nil
        case .cadre:
            guard mentor.role == .cadre else { return nil }
            return local
        case .anyMentor:
            if atSchool { return 0 }
            if mentor.role == .teacher, child.schoolId != nil { return nil }
            return local
        }
    }

    /// The pairing kind of a child with mentors of these roles: one mentor is one-on-one, a
    /// cadre and a teacher together are two-on-one, anything else is many-on-one.
    public static func kind(of roles: [MentorRole]) -> PairingKind {
        if roles.count <= 1 { return .oneOnOne }
        if roles.count == 2, roles.contains(.teacher), roles.contains(.cadre) { return .twoOnOne }
        return .manyOnOne
    }
}

extension PairingPlanner {
    /// Whether a mentor can serve the child where the child now is, in any of the roles a
    /// pairing needs (used when a child moves school or township).
    public static func canServe(_ mentor: MentorCandidate, _ child: Child) -> Bool {
        PairingNeed.allCases.contains { closeness(of: mentor, to: child, for: $0) != nil }
    }
}
