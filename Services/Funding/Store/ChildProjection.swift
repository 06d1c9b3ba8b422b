import Foundation
import FundingDomain
import GRDB
import ShouhuEvents

/// Reads and writes the funding service's projection of children (`child` table).
enum ChildProjection {
    /// The child with this id, or a child known by id only when there is no row yet.
    static func load(_ db: Database, childId: String) throws -> FundingChild {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM child WHERE childId = ?", arguments: [childId]) else {
            return FundingChild(childId: childId)
        }
        return child(from: row)
    }

    /// Every registered child, for planning a batch (without the field stamps, which only
    /// event handling needs).
    static func allForPlanning(_ db: Database) throws -> [FundingChild] {
        try Row.fetchAll(db, sql: "SELECT \(planningColumns("child")) FROM child WHERE registered = 1").map(child(from:))
    }

    /// The columns a decision needs, qualified by a table alias.
    static func planningColumns(_ alias: String) -> String {
        ["childId", "registered", "name", "birthDate", "schoolStage", "schoolId", "villageCode", "guardianName", "familyFlags",
         "hasIncapableParent", "registeredOn", "exitReason", "exitedOn", "tier", "tierAssessedOn"]
            .map { "\(alias).\($0)" }.joined(separator: ", ")
    }

    /// Loads, changes and saves one child in the caller's transaction.
    static func update(_ db: Database, childId: String, _ change: (inout FundingChild) -> Void) throws {
        var child = try load(db, childId: childId)
        change(&child)
        try save(db, child)
    }

    static func save(_ db: Database, _ child: FundingChild) throws {
        let stamps = String(decoding: try JSONEncoder().encode(child.stamps), as: UTF8.self)
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO child (childId, registered, name, birthDate, schoolStage, schoolId, villageCode,
                    townshipCode, guardianName, familyFlags, hasIncapableParent, registeredOn, exitReason, exitedOn,
                    tier, tierAssessedOn, stamps)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                child.childId, child.isRegistered, child.name, child.birthDate?.description, child.schoolStage?.rawValue,
                child.schoolId, child.villageCode, child.townshipCode, child.guardianName,
                child.familyFlags.map(\.rawValue).sorted().joined(separator: ","), child.hasIncapableParent,
                child.registeredOn?.description, child.exitReason?.rawValue, child.exitedOn?.description,
                child.tier?.rawValue, child.tierAssessedOn?.description, stamps,
            ])
    }

    static func child(from row: Row) -> FundingChild {
        var child = FundingChild(childId: row["childId"])
        child.isRegistered = row["registered"]
        child.name = row["name"]
        child.birthDate = (row["birthDate"] as String?).flatMap(CalendarDate.init)
        child.schoolStage = (row["schoolStage"] as String?).flatMap(SchoolStage.init(rawValue:))
        child.schoolId = row["schoolId"]
        child.villageCode = row["villageCode"]
        child.guardianName = row["guardianName"]
        let flags: String = row["familyFlags"]
        child.familyFlags = Set(flags.split(separator: ",").compactMap { FamilyFlag(rawValue: String($0)) })
        child.hasIncapableParent = row["hasIncapableParent"]
        child.registeredOn = (row["registeredOn"] as String?).flatMap(CalendarDate.init)
        child.exitReason = (row["exitReason"] as String?).flatMap(ExitReason.init(rawValue:))
        child.exitedOn = (row["exitedOn"] as String?).flatMap(CalendarDate.init)
        child.tier = (row["tier"] as String?).flatMap(CareTier.init(rawValue:))
        child.tierAssessedOn = (row["tierAssessedOn"] as String?).flatMap(CalendarDate.init)
        if let stamps = row["stamps"] as String? {
            child.stamps = (try? JSONDecoder().decode([String: Int64].self, from: Data(stamps.utf8))) ?? [:]
        }
        return child
    }
}
