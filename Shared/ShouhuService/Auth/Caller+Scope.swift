import ShouhuEvents

/// Where a child lives and learns, as much as a read needs to decide whether a caller may see it.
public struct ChildPlace: Sendable, Equatable {
    /// The 12-digit village code of the child's home.
    public var villageCode: String
    /// The school's id, if the child is at school.
    public var schoolId: String?

    /// Makes a place.
    public init(villageCode: String, schoolId: String?) {
        self.villageCode = villageCode
        self.schoolId = schoolId
    }
}

extension Caller {
    /// Whether this caller's role sees the whole county (their token's county is checked by the
    /// auth middleware already).
    public var seesWholeCounty: Bool {
        switch role {
        case .admin, .countyOfficer, .auditor, .fundingOfficer: scope == nil || scope?.isEmpty == true
        case .township, .village, .school, .mentor: false
        }
    }

    /// Whether the caller may read a child who lives and learns at `place`, by role and scope:
    /// the county roles see all; a township its villages; a village itself; a school its pupils.
    /// A mentor sees only the children paired with them, which only mentoring knows, so this
    /// answers `false` for mentors and mentoring checks the pairing itself.
    public func mayRead(_ place: ChildPlace) -> Bool {
        if seesWholeCounty { return true }
        guard let scope, !scope.isEmpty else { return false }
        switch role {
        case .admin, .countyOfficer, .auditor, .fundingOfficer, .township, .village:
            return DivisionCode.contains(scope, place.villageCode)
        case .school:
            return place.schoolId == scope
        case .mentor:
            return false
        }
    }

    /// The filter a list applies for this caller: the division prefix or school their scope
    /// limits them to, or `.county` for the whole county.
    public var listScope: ListScope {
        if seesWholeCounty { return .county }
        guard let scope, !scope.isEmpty else { return .nothing }
        switch role {
        case .school: return .school(scope)
        case .mentor: return .mentor(subject)
        default: return DivisionCode.isWellFormed(scope) ? .division(scope) : .nothing
        }
    }
}

/// What part of the county a caller's lists are limited to.
public enum ListScope: Sendable, Equatable {
    /// Everything in the county.
    case county
    /// Children whose village code starts with this division code (township or village).
    case division(String)
    /// Pupils of this school.
    case school(String)
    /// The children paired with this mentor (the token's `sub`).
    case mentor(String)
    /// Nothing: a scoped role whose token carries no usable scope.
    case nothing
}
