import Foundation
import GRDB
import IntakeDomain

/// The county's divisions as requests see them: the built-in county and townships with the
/// village list from the `villages` table. Replaced whole when an operator loads a new list, so
/// a request always sees one consistent registry.
final class RegistryHolder: @unchecked Sendable {
    // @unchecked: `registry` is only read and written under `lock`.
    private let lock = NSLock()
    private var registry: DivisionRegistry

    init(_ registry: DivisionRegistry) {
        self.registry = registry
    }

    /// The registry now.
    var current: DivisionRegistry {
        lock.lock()
        defer { lock.unlock() }
        return registry
    }

    /// Puts a new registry in place.
    func replace(with registry: DivisionRegistry) {
        lock.lock()
        self.registry = registry
        lock.unlock()
    }

    /// `base` with the villages kept in the database, or `base` itself while none are.
    static func load(base: DivisionRegistry, from db: Database) throws -> DivisionRegistry {
        let villages = try Row.fetchAll(db, sql: "SELECT code, name FROM villages ORDER BY code").map {
            Village(code: $0["code"], name: $0["name"])
        }
        guard !villages.isEmpty else { return base }
        return try base.loadingVillages(villages)
    }
}
