import Foundation
import GRDB
import ShouhuEvents

/// A guardian the township designated for a category-1 child, and the day the guardianship
/// agreement (监护合约) was signed (seed 000 篇二: "对一类留守儿童要由社区指定其监护人并订立监护合约").
struct GuardianDesignation: Codable, Sendable, Equatable {
    var designationId: String
    var childId: String
    var guardianName: String
    var guardianPhone: String?
    /// How the guardian stands to the child (a neighbour, a village cadre, a relative …).
    var relationship: String?
    var agreementSignedOn: CalendarDate
    var recordedBy: String
    var recordedRole: String
    var recordedAt: Date
    var note: String?

    init(row: Row) throws {
        designationId = row["designationId"]
        childId = row["childId"]
        guardianName = row["guardianName"]
        guardianPhone = row["guardianPhone"]
        relationship = row["relationship"]
        agreementSignedOn = try AssessmentRecord.date(row["agreementSignedOn"])
        recordedBy = row["recordedBy"]
        recordedRole = row["recordedRole"]
        recordedAt = Date(timeIntervalSince1970: row["recordedAt"])
        note = row["note"]
    }

    init(
        designationId: String, childId: String, guardianName: String, guardianPhone: String?, relationship: String?,
        agreementSignedOn: CalendarDate, recordedBy: String, recordedRole: String, recordedAt: Date, note: String?
    ) {
        self.designationId = designationId
        self.childId = childId
        self.guardianName = guardianName
        self.guardianPhone = guardianPhone
        self.relationship = relationship
        self.agreementSignedOn = agreementSignedOn
        self.recordedBy = recordedBy
        self.recordedRole = recordedRole
        self.recordedAt = recordedAt
        self.note = note
    }

    func insert(_ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO guardian_designation (designationId, childId, guardianName, guardianPhone, relationship,
                agreementSignedOn, recordedBy, recordedRole, recordedAt, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                designationId, childId, guardianName, guardianPhone, relationship, agreementSignedOn.description,
                recordedBy, recordedRole, recordedAt.timeIntervalSince1970, note,
            ])
    }

    /// The child's latest designation.
    static func latest(_ db: Database, childId: String) throws -> GuardianDesignation? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM guardian_designation WHERE childId = ? ORDER BY seq DESC LIMIT 1",
            arguments: [childId]
        ).map(GuardianDesignation.init(row:))
    }
}
