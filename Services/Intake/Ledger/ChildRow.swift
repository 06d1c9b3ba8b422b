import Foundation
import GRDB
import IntakeDomain
import ShouhuEvents
import ShouhuService

/// One row of the `children` table as the routes read it.
struct ChildRow: Sendable {
    var id: String
    var version: Int
    var status: String
    var villageCode: String
    var schoolId: String?
    var careTier: String?
    var idSealed: String?
    var idMasked: String?
    var document: ChildFileInput
    var registeredOn: String
    var exitReason: String?
    var exitedOn: String?

    /// The columns every read selects.
    static let columns = """
        id, version, status, villageCode, schoolId, careTier, idSealed, idMasked, document, registeredOn, \
        exitReason, exitedOn
        """

    init(row: Row) throws {
        id = row["id"]
        version = row["version"]
        status = row["status"]
        villageCode = row["villageCode"]
        schoolId = row["schoolId"]
        careTier = row["careTier"]
        idSealed = row["idSealed"]
        idMasked = row["idMasked"]
        document = try JSONDecoder().decode(ChildFileInput.self, from: Data((row["document"] as String).utf8))
        registeredOn = row["registeredOn"]
        exitReason = row["exitReason"]
        exitedOn = row["exitedOn"]
    }

    /// The child with this id, or nil.
    static func find(_ id: String, in db: Database) throws -> ChildRow? {
        try Row.fetchOne(db, sql: "SELECT \(columns) FROM children WHERE id = ?", arguments: [id]).map(ChildRow.init(row:))
    }

    /// Where the child lives and learns, for read scoping.
    var place: ChildPlace { ChildPlace(villageCode: villageCode, schoolId: schoolId) }
}
