import Foundation
import GRDB
import Hummingbird
import IntakeDomain
import Logging
public import ShouhuService
import ShouhuStore

/// The intake service: the county ledger of left-behind children (台账, 一人一档). Villages and schools
/// register children; every change goes out as child.registered, child.updated or child.exited.
///
/// It runs on the shared runtime (store, outbox relay, consumer with inbox, health, metrics,
/// graceful shutdown); this definition plugs in its tables, routes and the daily aged-out sweep.
/// Intake consumes no events (the contract gives it no queue).
public enum IntakeService {
    public static let definition = ServiceDefinition(
        name: .intake,
        migrations: { IntakeMigrations.register(in: &$0) },
        routes: { router, context in
            let ledger = makeLedger(context)
            ChildRoutes(ledger: ledger, context: context).add(to: router)
            ImportRoutes(ledger: ledger, context: context).add(to: router)
            ReportRoutes(ledger: ledger, context: context).add(to: router)
            DivisionRoutes(ledger: ledger, context: context).add(to: router)
            ReviewRoutes(ledger: ledger, context: context).add(to: router)
        },
        sweeps: { context in
            let ledger = makeLedger(context)
            return [
                ScheduledSweep(name: "aged_out", interval: ledger.configuration.sweepInterval, database: context.database,
                               clock: { context.clock.now() }, logger: context.logger) { db, now in
                    try ledger.exitAgedOut(now: now, in: db)
                }
            ]
        },
        openAPIDocument: OpenAPIDocument.load(from: .module))

    /// The ledger for one running service: its settings, the ID vault and the divisions (the
    /// village list from the store, or from `SHOUHU_INTAKE_VILLAGES_FILE`). Problems are logged
    /// once and the affected writes answer with them, rather than the service guessing.
    static func makeLedger(_ context: ServiceContext) -> Ledger {
        ledgers.value(for: context.database.path) { buildLedger(context) }
    }

    /// One ledger per database: the routes and the sweep share it.
    private static let ledgers = LedgerCache()

    private static func buildLedger(_ context: ServiceContext) -> Ledger {
        let configuration = IntakeConfiguration(settings: context.settings)
        for problem in configuration.problems {
            context.logger.error("intake setting refused; using its default", metadata: ["problem": "\(problem)"])
        }
        var vault: ResidentIDVault?
        var vaultProblem: String?
        if let key = context.settings.idKey {
            do throws(ResidentIDVaultError) {
                vault = try ResidentIDVault(base64Key: key)
            } catch {
                vaultProblem = error.description
            }
        } else {
            vaultProblem = "SHOUHU_ID_KEY is not set: the ledger cannot seal resident ID numbers, so it takes no "
                + "registrations; make one with: head -c 32 /dev/urandom | base64"
        }
        if let vaultProblem { context.logger.critical("intake cannot write the ledger", metadata: ["reason": "\(vaultProblem)"]) }

        let base = DivisionRegistry.builtIn(countyCode: context.settings.county)
            ?? DivisionRegistry.unknownCounty(code: context.settings.county)
        if DivisionRegistry.builtIn(countyCode: context.settings.county) == nil {
            context.logger.error("no built-in townships for this county: every village code is refused",
                                 metadata: ["county": "\(context.settings.county)"])
        }
        let holder = RegistryHolder(base)
        do {
            if let path = configuration.villagesFile {
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                try context.database.pool.write { db in
                    _ = try DivisionStore.replaceVillages(csv: data, base: base, in: db)
                }
            }
            holder.replace(with: try context.database.pool.read { db in try RegistryHolder.load(base: base, from: db) })
        } catch {
            context.logger.error("village list not loaded", metadata: ["reason": "\(error)"])
        }
        return Ledger(configuration: configuration, vault: vault, vaultProblem: vaultProblem, registry: holder,
                      county: context.settings.county, outbox: context.database.outbox)
    }
}

/// The ledgers made so far, by database path.
final class LedgerCache: @unchecked Sendable {
    // @unchecked: `ledgers` is only touched under `lock`.
    private let lock = NSLock()
    private var ledgers: [String: Ledger] = [:]

    func value(for key: String, make: () -> Ledger) -> Ledger {
        lock.lock()
        defer { lock.unlock() }
        if let ledger = ledgers[key] { return ledger }
        let ledger = make()
        ledgers[key] = ledger
        return ledger
    }
}

extension DivisionRegistry {
    /// A registry for a county this build has no township list for: no village code passes.
    static func unknownCounty(code: String) -> DivisionRegistry {
        (try? DivisionRegistry(county: County(code: code, name: code), townships: [])) ?? .xishui
    }
}
