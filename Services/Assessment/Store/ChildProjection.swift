import AssessmentDomain
import Foundation
import GRDB
import ShouhuEvents

/// Reads and writes the `child` table: the merged `ChildSnapshot` as JSON, with the columns that
/// lists, reports and scope checks filter on.
enum ChildProjection {
    private static let encoder = JSONEncoder()
    private static let decoder = JSONDecoder()

    /// The child's snapshot, or nil when no event about the child has arrived.
    static func load(_ db: Database, childId: String) throws -> ChildSnapshot? {
        let statement = try db.cachedStatement(sql: "SELECT snapshot FROM child WHERE childId = ?")
        guard let data = try Data.fetchOne(statement, arguments: [childId]) else { return nil }
        return try decoder.decode(ChildSnapshot.self, from: data)
    }

    /// Loads (or starts) the child's snapshot, lets `change` merge an event into it, and saves it.
    static func update(_ db: Database, childId: String, _ change: (inout ChildSnapshot) -> Void) throws {
        var snapshot = try load(db, childId: childId) ?? ChildSnapshot(childId: childId)
        change(&snapshot)
        try save(db, snapshot)
    }

    /// Writes the snapshot and its columns.
    static func save(_ db: Database, _ snapshot: ChildSnapshot) throws {
        try db.cachedStatement(sql: """
            INSERT INTO child (childId, registered, name, villageCode, townshipCode, schoolId, guardianRelation,
                               registeredOn, exitedOn, exitReason, snapshot)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (childId) DO UPDATE SET
                registered = excluded.registered, name = excluded.name, villageCode = excluded.villageCode,
                townshipCode = excluded.townshipCode, schoolId = excluded.schoolId,
                guardianRelation = excluded.guardianRelation, registeredOn = excluded.registeredOn,
                exitedOn = excluded.exitedOn, exitReason = excluded.exitReason, snapshot = excluded.snapshot
            """).execute(arguments: [
                snapshot.childId, snapshot.isRegistered, snapshot.name, snapshot.villageCode, snapshot.townshipCode,
                snapshot.schoolId, snapshot.guardianRelation?.rawValue, snapshot.registeredOn?.description,
                snapshot.exit?.on.description, snapshot.exit?.reason.rawValue, try encoder.encode(snapshot),
            ])
    }
}
