import Foundation
import Hummingbird
import IntakeDomain
import ShouhuEvents

/// A child's file as the routes answer with it: the ledger's fields, the division names, the
/// status and any exit, and the resident ID number masked (or whole, for the one role that may
/// see it and asked to).
struct ChildView: ResponseEncodable, Sendable {
    /// How the view came to show the ID number.
    enum IDNumberShown: String, Codable, Sendable {
        case masked, whole, none
    }

    /// The exit, once recorded.
    struct Exit: Codable, Sendable {
        var reason: String
        var on: String
    }

    var id: String
    var version: Int
    var status: String
    var name: String?
    var gender: String?
    var birthDate: String?
    /// Completed years on the county's today.
    var age: Int?
    var idNumber: String?
    var idNumberShown: IDNumberShown
    var schoolStage: String?
    var schoolId: String?
    var grade: Int?
    var className: String?
    var villageCode: String
    var villageName: String?
    var townshipCode: String
    var townshipName: String?
    var address: String?
    var parents: [ChildFileInput.Parent]
    var guardian: ChildFileInput.Guardian?
    var familyFlags: [String]
    var healthStatus: String?
    var specialNeeds: String?
    var studyStatus: String?
    /// The care tier, when the assessment has told intake; null otherwise.
    var careTier: String?
    var registeredOn: String
    var exit: Exit?
    /// Other children this one may be the same as, waiting for a person to judge.
    var likelyDuplicates: [String]?

    init(_ row: ChildRow, registry: DivisionRegistry, today: CalendarDate, wholeIDNumber: String? = nil) {
        let file = row.document
        id = row.id
        version = row.version
        status = row.status
        name = file.name
        gender = file.gender
        birthDate = file.birthDate
        age = file.birthDate.flatMap(CalendarDate.init).map { $0.age(on: today) }
        if let wholeIDNumber {
            idNumber = wholeIDNumber
            idNumberShown = .whole
        } else {
            idNumber = row.idMasked
            idNumberShown = row.idMasked == nil ? .none : .masked
        }
        schoolStage = file.schoolStage
        schoolId = file.schoolId
        grade = file.grade
        className = file.className
        villageCode = row.villageCode
        villageName = try? registry.validateVillage(row.villageCode).get().name
        townshipCode = String(row.villageCode.prefix(9))
        townshipName = registry.township(code: townshipCode)?.name
        address = file.address
        parents = file.parents ?? []
        guardian = file.guardian
        familyFlags = file.familyFlags ?? []
        healthStatus = file.healthStatus
        specialNeeds = file.specialNeeds
        studyStatus = file.studyStatus
        careTier = row.careTier
        registeredOn = row.registeredOn
        exit = row.exitReason.map { Exit(reason: $0, on: row.exitedOn ?? "") }
    }
}
