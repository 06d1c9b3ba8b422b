import Foundation
import GRDB
import Hummingbird
import IntakeDomain
import ShouhuService

/// Loads an operator's village list into the `villages` table.
enum DivisionStore {
    /// Replaces the village list with the file's, all or nothing.
    /// - Throws: `APIError` 400 `file_not_utf8`, 422 `invalid_division_file` listing every bad
    ///   line (a village outside the county or under no known township among them), 409
    ///   `villages_in_use` when a registered child lives in a village the new list lacks.
    /// - Returns: the registry with the new list.
    static func replaceVillages(csv data: Data, base: DivisionRegistry, in db: Database) throws -> DivisionRegistry {
        let registry: DivisionRegistry
        do throws(DivisionError) {
            registry = try base.loadingVillages(csv: data)
        } catch {
            let status: HTTPResponse.Status = error == .notUTF8 ? .badRequest : .unprocessableContent
            throw APIError(status: status, code: error.code, message: error.message)
        }
        let villages = registry.villages ?? []
        let codes = Set(villages.map(\.code))
        let used = try String.fetchAll(db, sql: "SELECT DISTINCT villageCode FROM children WHERE status = 'active'")
        let missing = used.filter { !codes.contains($0) }.sorted()
        guard missing.isEmpty else {
            throw APIError.conflict(
                "Registered children live in villages the new list lacks: "
                    + missing.prefix(20).joined(separator: ", ") + (missing.count > 20 ? " and \(missing.count - 20) more" : "")
                    + ". Add them to the list, or move or exit those children first.",
                code: "villages_in_use")
        }
        try db.execute(sql: "DELETE FROM villages")
        let insert = try db.cachedStatement(sql: "INSERT INTO villages (code, name, townshipCode) VALUES (?, ?, ?)")
        for village in villages {
            try insert.execute(arguments: [village.code, village.name ?? "", village.townshipCode])
        }
        return registry
    }
}
