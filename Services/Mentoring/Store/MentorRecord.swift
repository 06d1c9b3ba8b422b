import GRDB
import MentoringDomain
import ShouhuEvents

/// A mentor (帮扶人) in the registry, as the routes show them.
public struct MentorRecord: Sendable, Codable, Equatable {
    public var id: String
    public var name: String
    public var role: MentorRole
    public var schoolId: String?
    public var divisionCode: String?
    public var phone: String
    public var email: String?
    public var capacity: Int
    public var caseload: Int
    public var active: Bool
    public var registeredOn: CalendarDate
    public var deactivatedOn: CalendarDate?

    init(row: Row) {
        id = row["id"]
        name = row["name"]
        role = row["role"]
        schoolId = row["schoolId"]
        divisionCode = row["divisionCode"]
        phone = row["phone"]
        email = row["email"]
        capacity = row["capacity"]
        caseload = row["caseload"]
        active = row["active"]
        registeredOn = row["registeredOn"]
        deactivatedOn = row["deactivatedOn"]
    }

    static func fetch(_ id: String, _ db: Database) throws -> MentorRecord? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM mentor WHERE id = ?"), arguments: [id])
            .map(MentorRecord.init(row:))
    }

    /// The township the mentor serves: the first nine digits of a township or village code.
    static func township(of divisionCode: String?) -> String? {
        guard let divisionCode, divisionCode.count >= 9 else { return nil }
        return String(divisionCode.prefix(9))
    }

    /// The mentor as auto-pairing sees them.
    var candidate: MentorCandidate {
        MentorCandidate(
            id: id, role: role, schoolId: schoolId, divisionCode: divisionCode, caseload: caseload,
            capacity: capacity, active: active)
    }

    /// The registry event that tells notification who this mentor is and how to reach them.
    var registeredEvent: MentorRegistered {
        MentorRegistered(
            mentorId: id, name: name, role: role, schoolId: schoolId, divisionCode: divisionCode, phone: phone,
            email: email)
    }

}
