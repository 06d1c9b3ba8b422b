import Foundation
import GRDB
import Hummingbird
import MentoringDomain
public import ShouhuService
import ShouhuStore

/// The mentoring service: pairs each child with mentors (结对帮扶), records visits and contacts (家访), and
/// finds overdue obligations.
///
/// It runs on the shared runtime (store, outbox relay, consumer with inbox, health, metrics,
/// graceful shutdown); this definition plugs in its tables, its handlers for intake's and
/// assessment's events, its routes and the overdue sweep. Its county rules are read from the
/// environment at start (see `MentoringSettings`); a bad value stops the start with its name.
public enum MentoringService {
    public static let definition = ServiceDefinition(
        name: .mentoring,
        migrations: { migrator in MentoringMigrations.register(in: &migrator) },
        eventHandlers: { context in MentoringEventHandlers.router(store: store(context), clock: context.clock) },
        routes: { router, context in
            let api = MentoringAPI(store: store(context), clock: context.clock)
            MentorRoutes(api: api).add(to: router)
            ChildRoutes(api: api).add(to: router)
            OversightRoutes(api: api).add(to: router)
        },
        sweeps: { context in
            let store = store(context)
            let interval = settingOrStop { () throws(SettingsError) in try MentoringSettings.sweepInterval(context.settings) }
            return [
                ScheduledSweep(
                    name: "visit-overdue", interval: TimeInterval(interval), database: context.database,
                    clock: { context.clock.now() }, logger: context.logger,
                    work: { db, now in try store.sweepOverdue(db, at: now) })
            ]
        },
        openAPIDocument: OpenAPIDocument.load(from: .module))

    /// The store with the county's policy.
    static func store(_ context: ServiceContext) -> MentoringStore {
        let policy = settingOrStop { () throws(SettingsError) in try MentoringSettings.policy(context.settings) }
        return MentoringStore(database: context.database, policy: policy, county: context.settings.county, logger: context.logger)
    }

    /// A setting, or the end of the start: the definition's hooks cannot throw, and a service
    /// must not run a county's rules with a value it could not read.
    static func settingOrStop<T>(_ read: () throws(SettingsError) -> T) -> T {
        do throws(SettingsError) {
            return try read()
        } catch {
            fatalError("mentoring cannot start: \(error)")
        }
    }
}
