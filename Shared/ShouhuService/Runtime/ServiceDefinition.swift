public import GRDB
public import Hummingbird
public import Logging
public import ShouhuEvents
public import ShouhuStore

/// What one service brings to the shared runtime: its name, its tables, the events it handles,
/// its HTTP routes and its scheduled sweeps. Everything else — settings, store, broker, outbox
/// relay, consumer, health, metrics, shutdown — is the runtime's, written once.
public struct ServiceDefinition: Sendable {
    public let name: ServiceName
    /// Registers the service's own migrations, in order, after the shared ones.
    public let migrations: @Sendable (inout DatabaseMigrator) -> Void
    /// The handlers for the events the service consumes (`On<Event>`), run inside the inbox
    /// transaction.
    public let eventHandlers: @Sendable (ServiceContext) -> EventRouter
    /// Adds the service's routes to the router (which already has auth, errors, health, metrics).
    public let routes: @Sendable (Router<ShouhuRequestContext>, ServiceContext) -> Void
    /// The service's scheduled sweeps.
    public let sweeps: @Sendable (ServiceContext) -> [ScheduledSweep]
    /// The service's OpenAPI document, served at `/openapi.json`.
    public let openAPIDocument: String?
    /// Extra checks for `/health/ready` (e.g. which outgoing channels are configured).
    public let readiness: @Sendable (ServiceContext) -> [ReadinessCheck]
    /// Long-running loops of the service's own (e.g. a delivery worker), run beside the consumer
    /// and cancelled on shutdown.
    public let workers: @Sendable (ServiceContext) -> [BackgroundWorker]

    public init(
        name: ServiceName,
        migrations: @escaping @Sendable (inout DatabaseMigrator) -> Void = { _ in },
        eventHandlers: @escaping @Sendable (ServiceContext) -> EventRouter = { _ in EventRouter() },
        routes: @escaping @Sendable (Router<ShouhuRequestContext>, ServiceContext) -> Void = { _, _ in },
        sweeps: @escaping @Sendable (ServiceContext) -> [ScheduledSweep] = { _ in [] },
        openAPIDocument: String? = nil,
        readiness: @escaping @Sendable (ServiceContext) -> [ReadinessCheck] = { _ in [] },
        workers: @escaping @Sendable (ServiceContext) -> [BackgroundWorker] = { _ in [] }
    ) {
        self.name = name
        self.migrations = migrations
        self.eventHandlers = eventHandlers
        self.routes = routes
        self.sweeps = sweeps
        self.openAPIDocument = openAPIDocument
        self.readiness = readiness
        self.workers = workers
    }
}

/// What a service's handlers, routes and sweeps are given: the settings, the service's own
/// database (with its outbox), a logger, and the clock every date rule asks.
public struct ServiceContext: Sendable {
    public let settings: Settings
    public let database: ServiceDatabase
    public let logger: Logger
    /// "Now" for this service; movable only where `SHOUHU_CLOCK_ADJUSTABLE=true`.
    public let clock: ServiceClock

    public init(settings: Settings, database: ServiceDatabase, logger: Logger, clock: ServiceClock = ServiceClock()) {
        self.settings = settings
        self.database = database
        self.logger = logger
        self.clock = clock
    }
}
