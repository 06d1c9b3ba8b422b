import GRDB
import MentoringDomain
import ShouhuEvents
import ShouhuService

/// A child as mentoring knows them (its projection of intake's ledger and assessment's tier).
struct ChildRecord: Sendable {
    var id: String
    var name: String
    var villageCode: String
    var townshipCode: String
    var schoolId: String?
    var registeredOn: CalendarDate
    var exitedOn: CalendarDate?
    var tier: CareTier
    var careLevel: Int?
    var tierSince: CalendarDate
    var pairedSince: CalendarDate?
    var unmetNeeds: [PairingNeed]
    var unpairedSince: CalendarDate?
    var lastHomeVisitOn: CalendarDate?
    var lastParentReportOn: CalendarDate?
    var lastTermCheckOn: CalendarDate?
    var escalatedOn: CalendarDate?

    init(row: Row) {
        id = row["id"]
        name = row["name"]
        villageCode = row["villageCode"]
        townshipCode = row["townshipCode"]
        schoolId = row["schoolId"]
        registeredOn = row["registeredOn"]
        exitedOn = row["exitedOn"]
        tier = row["tier"]
        careLevel = row["careLevel"]
        tierSince = row["tierSince"]
        pairedSince = row["pairedSince"]
        unmetNeeds = (row["unmetNeeds"] as String?).map(ChildRecord.needs(from:)) ?? []
        unpairedSince = row["unpairedSince"]
        lastHomeVisitOn = row["lastHomeVisitOn"]
        lastParentReportOn = row["lastParentReportOn"]
        lastTermCheckOn = row["lastTermCheckOn"]
        escalatedOn = row["escalatedOn"]
    }

    static func fetch(_ id: String, _ db: Database) throws -> ChildRecord? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM child WHERE id = ?"), arguments: [id])
            .map(ChildRecord.init(row:))
    }

    /// Still in the programme.
    var isActive: Bool { exitedOn == nil }

    /// Where the child lives and learns, for read scoping.
    var place: ChildPlace { ChildPlace(villageCode: villageCode, schoolId: schoolId) }

    /// What the due dates follow from, or nil when no duty runs (exited or unpaired).
    var scheduleInput: ScheduleInput? {
        guard isActive, let pairedSince else { return nil }
        return ScheduleInput(
            tier: tier, since: max(tierSince, pairedSince), lastHomeVisit: lastHomeVisitOn,
            lastParentReport: lastParentReportOn, lastTermCheck: lastTermCheckOn, escalatedOn: escalatedOn)
    }

    /// `teacher,cadre` as stored.
    static func text(of needs: [PairingNeed]) -> String? {
        needs.isEmpty ? nil : needs.map(\.rawValue).joined(separator: ",")
    }

    static func needs(from text: String) -> [PairingNeed] {
        text.split(separator: ",").compactMap { PairingNeed(rawValue: String($0)) }
    }
}
