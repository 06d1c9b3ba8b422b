import ShouhuEvents
import ShouhuStore

/// Refuses (to the dead-letter queue) a child whose village lies outside the county of the
/// event: it can never be placed in this county's lists and reports, and no retry changes that.
enum ChildCountyCheck {
    static func require(_ villageCode: String, in county: String, childId: String) throws {
        guard DivisionCode.contains(county, villageCode) else {
            throw EventRejection("child \(childId): village \(villageCode) is not in county \(county)")
        }
    }
}
