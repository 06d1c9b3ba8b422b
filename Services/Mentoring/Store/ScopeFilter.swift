import GRDB
import ShouhuService

/// A caller's read scope as SQL over the `child` table aliased `c`: the whole county, a division
/// prefix, a school, the children paired with a mentor now, or nothing.
struct ScopeFilter {
    var sql: String
    var arguments: StatementArguments

    init(_ scope: ListScope) {
        switch scope {
        case .county:
            sql = "1"
            arguments = []
        case .division(let prefix):
            sql = "c.villageCode LIKE ?"
            arguments = [prefix + "%"]
        case .school(let school):
            sql = "c.schoolId = ?"
            arguments = [school]
        case .mentor(let mentorId):
            sql = "EXISTS (SELECT 1 FROM pairing sp WHERE sp.childId = c.id AND sp.mentorId = ? AND sp.endedOn IS NULL)"
            arguments = [mentorId]
        case .nothing:
            sql = "0"
            arguments = []
        }
    }
}
