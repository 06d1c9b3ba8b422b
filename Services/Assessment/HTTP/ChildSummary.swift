import GRDB
import ShouhuEvents

/// Who and where a child is, as every list of children shows it; read from the `child` table
/// (`c.childId, c.name, c.villageCode, c.townshipCode, c.schoolId, c.guardianRelation`).
struct ChildSummary: Encodable, Sendable {
    var childId: String
    var name: String
    var villageCode: String
    var townshipCode: String
    var schoolId: String?
    var guardianRelation: GuardianRelation

    /// The columns a query selects for it.
    static let columns = "c.childId, c.name, c.villageCode, c.townshipCode, c.schoolId, c.guardianRelation"

    init(row: Row) {
        childId = row["childId"]
        name = row["name"]
        villageCode = row["villageCode"]
        townshipCode = row["townshipCode"]
        schoolId = row["schoolId"]
        guardianRelation = GuardianRelation(rawValue: row["guardianRelation"]) ?? .none
    }
}

/// A list item: the child's summary and the list's own fields, side by side in one JSON object.
protocol ChildListItem: Encodable, Sendable {
    /// The child.
    var child: ChildSummary { get }
    /// The list's own fields.
    associatedtype Details: Encodable
    var details: Details { get }
}

extension ChildListItem {
    func encode(to encoder: any Encoder) throws {
        try child.encode(to: encoder)
        try details.encode(to: encoder)
    }
}
