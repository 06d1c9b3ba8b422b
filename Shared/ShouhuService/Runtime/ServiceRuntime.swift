public import Foundation
public import Hummingbird
public import Logging
import ShouhuEvents
public import ShouhuMessaging
import ShouhuStore

/// Builds and runs one Shouhu service from its definition: settings from the environment, the
/// service's SQLite store, the broker topology of the contract, the outbox relay, the consumer
/// with its inbox, sweeps, and the HTTP application with auth, error JSON, health and metrics.
public enum ServiceRuntime {
    /// Reads the settings, sets up logging and metrics, builds the service and runs it until
    /// SIGTERM or SIGINT.
    public static func run(_ definition: ServiceDefinition,
                           environment: [String: String] = ProcessInfo.processInfo.environment) async throws {
        let settings = try Settings(service: definition.name, environment: environment)
        ShouhuLogging.bootstrap(level: settings.logLevel)
        _ = ShouhuMetrics.bootstrap()
        let logger = Logger(label: definition.name.rawValue)
        settings.logStartup(to: logger)
        let (application, _, _) = try build(definition, settings: settings, logger: logger)
        try await application.runService()
        logger.info("stopped")
    }

    /// The broker's address from the settings.
    public static func endpoint(_ settings: Settings) throws -> BrokerEndpoint {
        do {
            return try BrokerEndpoint(url: settings.amqpURL.absoluteString, defaultHeartbeatSeconds: settings.amqpHeartbeatSeconds)
        } catch {
            throw SettingsError(variable: Settings.Variable.amqpURL, reason: error.description)
        }
    }

    /// The topology this deployment uses: the contract's, under `SHOUHU_AMQP_PREFIX` (default
    /// `shouhu`).
    public static func topology(_ settings: Settings) -> Topology {
        .contract(prefix: settings.string("SHOUHU_AMQP_PREFIX", default: "shouhu") ?? "shouhu",
                  deliveryLimit: settings.deliveryLimit)
    }

    /// The service's HTTP router: the kit's middleware and operational routes (health, metrics,
    /// OpenAPI document), then the service's own routes.
    public static func makeRouter(_ definition: ServiceDefinition, context: ServiceContext,
                                  readiness: [ReadinessCheck]) -> Router<ShouhuRequestContext> {
        let router = ShouhuRouter.make(settings: context.settings, readiness: readiness, openAPIDocument: definition.openAPIDocument)
        if context.clock.isAdjustable {
            ClockRoutes(clock: context.clock).add(to: router)
        }
        definition.routes(router, context)
        return router
    }

    /// Builds the application without running it; also returns the event plumbing and the
    /// service context so tests and tools can look at the publisher, consumer, store and clock.
    public static func build(_ definition: ServiceDefinition, settings: Settings, logger: Logger) throws
        -> (some ApplicationProtocol, EventPlumbing, ServiceContext)
    {
        let name = definition.name.rawValue
        let endpoint = try endpoint(settings)
        let topology = topology(settings)
        let database = try ServiceDatabase(directory: settings.dataDirectory, service: name, migrations: definition.migrations)
        let clock = ServiceClock(adjustable: try settings.bool(Settings.Variable.clockAdjustable, default: false))
        let context = ServiceContext(settings: settings, database: database, logger: logger, clock: clock)

        let publisher = ConfirmingPublisher(endpoint: endpoint, topology: topology, connectionName: "shouhu-\(name)-publisher", logger: logger)
        let relay = OutboxRelay(database: database, publisher: publisher, producer: name, logger: logger)
        var consumer: DeliveryConsumer?
        if topology.queues.contains(where: { $0.consumer == name }) {
            let inbox = InboxHandler(database: database, router: definition.eventHandlers(context), county: settings.county, logger: logger)
            consumer = DeliveryConsumer(endpoint: endpoint, topology: topology, consumer: name, handler: inbox,
                                        prefetch: settings.prefetch, connectionName: "shouhu-\(name)-consumer", logger: logger)
        }
        let plumbing = EventPlumbing(publisher: publisher, relay: relay, consumer: consumer, sweeps: definition.sweeps(context),
                                     workers: definition.workers(context))

        var readiness = [
            ReadinessCheck(name: "store") {
                await database.isReadable() ? (true, "open") : (false, "cannot read \(database.path)")
            },
            ReadinessCheck(name: "broker-publisher") {
                publisher.isConnected ? (true, "connected") : (false, publisher.lastConnectionError ?? "connecting")
            },
        ]
        if let consumer {
            readiness.append(ReadinessCheck(name: "broker-consumer") {
                consumer.isConnected ? (true, "connected") : (false, consumer.lastConnectionError ?? "connecting")
            })
        }
        readiness += definition.readiness(context)
        let router = makeRouter(definition, context: context, readiness: readiness)
        let application = Application(router: router, configuration: settings.serverConfiguration,
                                      services: [plumbing], logger: logger)
        return (application, plumbing, context)
    }
}
