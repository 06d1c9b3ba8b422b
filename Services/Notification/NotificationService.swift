import Foundation
import GRDB
import NotificationDomain
public import ShouhuService
import ShouhuStore

/// The notification service: tells mentors, officers and parents what they must know: in the app, by SMS
/// and by e-mail.
///
/// It runs on the shared runtime (store, outbox relay, consumer with inbox, health, metrics,
/// graceful shutdown); this definition plugs in its tables, the handlers that keep the directory
/// and write notices, the inbox, subscription and stats routes, the daily digest sweep, the
/// delivery worker, and readiness details for each outgoing channel.
public enum NotificationService {
    public static let definition = ServiceDefinition(
        name: .notification,
        migrations: { NotificationMigrations.register(in: &$0) },
        eventHandlers: { context in
            NotificationEventHandlers.router(context, NotificationConfiguration(settings: context.settings))
        },
        routes: { router, context in
            SubscriptionRoutes(context: context).add(to: router)
            InboxRoutes(context: context).add(to: router)
            StatsRoutes(context: context).add(to: router)
        },
        sweeps: { context in [digestSweep(context, NotificationConfiguration(settings: context.settings))] },
        openAPIDocument: OpenAPIDocument.load(from: .module),
        readiness: { context in ChannelReadiness.checks(context, NotificationConfiguration(settings: context.settings)) },
        workers: { context in
            let configuration = NotificationConfiguration(settings: context.settings)
            ChannelReadiness.logStart(context, configuration)
            let worker = DeliveryWorker(context: context, configuration: configuration)
            return [BackgroundWorker(name: "delivery") { await worker.run() }]
        })

    /// Runs the digest sweep once now (for tools and benchmarks); returns how many digests it wrote.
    public static func runDigestOnce(_ context: ServiceContext) async throws -> Int {
        try await digestSweep(context, NotificationConfiguration(settings: context.settings)).runOnce()
    }

    /// Sends each mentor's daily digest of overdue visits once it is due.
    static func digestSweep(_ context: ServiceContext, _ configuration: NotificationConfiguration) -> ScheduledSweep {
        let planner = configuration.planner, writer = configuration.writer, schedule = configuration.digest
        return ScheduledSweep(name: "visit-digest", interval: configuration.digestSweepInterval, database: context.database,
                              clock: { context.clock.now() }, logger: context.logger) { db, now in
            try DigestStore.sendDue(now: now, schedule: schedule, planner: planner, writer: writer, in: db)
        }
    }
}
