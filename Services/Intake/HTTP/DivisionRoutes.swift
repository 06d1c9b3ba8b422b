import Foundation
import Hummingbird
import IntakeDomain
import ShouhuService

/// `GET /divisions` (the county, its townships and the loaded villages) and
/// `PUT /divisions/villages` (an operator loads the county's village list: CSV
/// `code,name[,townshipCode]`, all or nothing).
struct DivisionRoutes: Sendable {
    let ledger: Ledger
    let context: ServiceContext

    /// The divisions as `GET /divisions` shows them.
    struct Divisions: ResponseEncodable, Sendable {
        var county: County
        var townships: [TownshipEntry]
        var villagesLoaded: Bool
    }

    /// One township and its loaded villages.
    struct TownshipEntry: Codable, Sendable {
        var code: String
        var name: String
        var villages: [Village]
    }

    func add(to router: Router<ShouhuRequestContext>) {
        router.get("/divisions") { _, http in
            _ = try http.requireCaller(IntakeAccess.readDivisions)
            return Self.divisions(ledger.registry.current)
        }
        router.put("/divisions/villages") { request, http in
            _ = try http.requireCaller(IntakeAccess.loadDivisions)
            let data = try await ChildRoutes.collect(request, http)
            let base = DivisionRegistry.builtIn(countyCode: context.settings.county)
                ?? DivisionRegistry.unknownCounty(code: context.settings.county)
            let registry = try await context.database.pool.write { db in
                try DivisionStore.replaceVillages(csv: data, base: base, in: db)
            }
            ledger.registry.replace(with: registry)
            return Self.divisions(registry)
        }
    }

    static func divisions(_ registry: DivisionRegistry) -> Divisions {
        Divisions(county: registry.county,
                  townships: registry.townships.map {
                      TownshipEntry(code: $0.code, name: $0.name, villages: registry.villages(inTownship: $0.code))
                  },
                  villagesLoaded: registry.villages != nil)
    }
}
