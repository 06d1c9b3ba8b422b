import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import ShouhuEvents
import ShouhuMessaging
import ShouhuService
import ShouhuStore
import ShouhuTestSupport

/// One service running in the test process against the real broker: its own fresh data folder,
/// its own broker prefix (`t-…`, deleted afterwards), a movable clock, HTTP through
/// HummingbirdTesting's live client, and helpers to sign tokens, publish events to it and
/// watch the events it emits.
///
/// ```swift
/// try await ServiceHarness.run(IntakeService.definition) { service in
///     let events = try service.listen(as: .assessment)
///     let response = try await service.send(.post, "/children", as: .village, scope: "520330100001", json: body)
///     …
/// }
/// ```
public struct ServiceHarness: Sendable {
    /// The service's settings (with the test's data folder and prefix).
    public let settings: Settings
    /// Its store, clock and logger, as its handlers and routes see them.
    public let context: ServiceContext
    /// Its publisher, relay, consumer and sweeps.
    public let plumbing: EventPlumbing
    /// The broker topology under the test's prefix.
    public let topology: Topology
    /// The HTTP client of the running application.
    public let client: any TestClientProtocol
    private let listeners: ListenerBag

    /// The secret the harness signs tokens with.
    public static let jwtSecret = "harness-secret-0123456789abcdef0123456789"
    /// A fixed ID key (base64 of 32 bytes) for services that seal ID numbers.
    public static let idKey = Data(repeating: 7, count: 32).base64EncodedString()

    /// Runs `body` with the service started, then stops it and deletes its broker topology and
    /// data folder.
    /// - Parameter environment: extra or overriding settings (e.g. county policy switches).
    public static func run<R: Sendable>(
        _ definition: ServiceDefinition,
        environment: [String: String] = [:],
        dataDirectory: String? = nil,
        prefix: String? = nil,
        _ body: @Sendable (ServiceHarness) async throws -> R
    ) async throws -> R {
        let prefix = prefix ?? "t-" + UUID().uuidString.prefix(8).lowercased()
        let ownsDirectory = dataDirectory == nil
        let directory = dataDirectory ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("shouhu-harness-\(UUID().uuidString)").path
        var env: [String: String] = [
            "SHOUHU_AMQP_URL": TestBroker.url,
            "SHOUHU_AMQP_PREFIX": prefix,
            "SHOUHU_DATA_DIR": directory,
            "SHOUHU_JWT_SECRET": jwtSecret,
            "SHOUHU_ID_KEY": idKey,
            "SHOUHU_CLOCK_ADJUSTABLE": "true",
            "SHOUHU_DELIVERY_LIMIT": "3",
            "SHOUHU_LOG_LEVEL": "warning",
        ]
        env.merge(environment) { _, new in new }
        let settings = try Settings(service: definition.name, environment: env)
        let logger = Logger(label: "harness-\(definition.name.rawValue)")
        let (application, plumbing, context) = try ServiceRuntime.build(definition, settings: settings, logger: logger)
        let topology = ServiceRuntime.topology(settings)
        let listeners = ListenerBag()
        defer {
            listeners.stopAll()
            try? BrokerAdmin(endpoint: try TestBroker.endpoint()).delete(topology)
            if ownsDirectory { try? FileManager.default.removeItem(atPath: directory) }
        }
        return try await application.test(.live) { client in
            let harness = ServiceHarness(settings: settings, context: context, plumbing: plumbing, topology: topology,
                                         client: client, listeners: listeners)
            _ = await TestBroker.eventually(timeout: 30) { plumbing.publisher.isConnected }
            return try await body(harness)
        }
    }

    /// A token for `role` in this county, with an optional scope and subject.
    public func token(_ role: Role, scope: String? = nil, subject: String = "tester") -> String {
        JWTCodec(secret: Self.jwtSecret)
            .sign(Caller(subject: subject, role: role, county: settings.county, scope: scope), expiresAt: Date() + 3600)
    }

    /// Sends a request as `role` (or without a token when `role` is nil) with an optional JSON
    /// or raw body.
    public func send(
        _ method: HTTPRequest.Method, _ path: String, as role: Role? = nil, scope: String? = nil,
        subject: String = "tester", json: (any Encodable)? = nil, body: Data? = nil,
        contentType: String = "application/json", headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = extra
        if let role { headers[.authorization] = "Bearer " + token(role, scope: scope, subject: subject) }
        var buffer: ByteBuffer?
        if let json {
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            buffer = ByteBuffer(bytes: try encoder.encode(json))
            headers[.contentType] = "application/json"
        } else if let body {
            buffer = ByteBuffer(bytes: body)
            headers[.contentType] = contentType
        }
        return try await client.execute(uri: path, method: method, headers: headers, body: buffer)
    }

    /// Starts a consumer on `consumer`'s queue under the test prefix (the contract binds the
    /// events that service consumes to it) and records every envelope that arrives.
    public func listen(as consumer: ServiceName) throws -> EventListener {
        let listener = EventListener()
        let delivery = DeliveryConsumer(endpoint: try TestBroker.endpoint(), topology: topology, consumer: consumer.rawValue,
                                        handler: listener, prefetch: 100, connectionName: "harness-listener",
                                        logger: TestBroker.logger)
        listeners.add(delivery)
        Task { await delivery.run() }
        return listener
    }

    /// Publishes envelopes to the exchange, as another service would, and waits for the
    /// broker's confirms.
    public func publish<E: Event>(_ envelopes: [Envelope<E>]) async throws {
        try await publishRaw(envelopes.map { (E.routingKey, $0.id, try EventCodec().encode($0)) })
    }

    /// Publishes raw bodies (poison messages included) under routing keys.
    public func publishRaw(_ messages: [(routingKey: String, id: String, body: Data)]) async throws {
        let publisher = ConfirmingPublisher(endpoint: try TestBroker.endpoint(), topology: topology,
                                            connectionName: "harness-publisher", logger: TestBroker.logger)
        publisher.start()
        let outcomes = await publisher.publish(messages.map {
            OutgoingMessage(routingKey: $0.routingKey, messageId: $0.id, body: Array($0.body))
        })
        await publisher.shutdown()
        guard outcomes.allSatisfy({ $0 == .confirmed }) else {
            throw HarnessError("the broker did not confirm every message: \(outcomes)")
        }
    }

    /// Waits until the service's outbox is empty (everything it emitted is confirmed).
    public func outboxDrained(timeout: TimeInterval = 20) async throws -> Bool {
        try await TestBroker.eventually(timeout: timeout) {
            try await context.database.pool.read { db in try Outbox.depth(db) } == 0
        }
    }

    /// Messages in the service's dead-letter queue.
    public func deadLetterDepth() throws -> Int {
        try BrokerAdmin(endpoint: try TestBroker.endpoint()).depth(ofQueue: topology.deadLetterQueue(settings.service.rawValue))
    }
}

/// An error of the harness itself (not of the service under test).
public struct HarnessError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Records the envelopes a listener received, decoded by routing key.
public final class EventListener: DeliveryHandler, @unchecked Sendable {
    // @unchecked: `received` is only touched under `lock`.
    private let lock = NSLock()
    private var received: [AnyEnvelope] = []
    private var raw: [Delivery] = []

    public func handle(_ batch: [Delivery]) -> [DeliveryDisposition] {
        lock.lock()
        defer { lock.unlock() }
        for delivery in batch {
            raw.append(delivery)
            if let envelope = try? EventCodec().decodeAny(from: Data(delivery.body)) { received.append(envelope) }
        }
        return batch.map { _ in .ack }
    }

    /// Every envelope so far.
    public var envelopes: [AnyEnvelope] {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    /// Every delivery so far, with its body and properties.
    public var deliveries: [Delivery] {
        lock.lock()
        defer { lock.unlock() }
        return raw
    }

    /// The envelopes of one event type, decoded.
    public func events<E: Event>(_ type: E.Type) -> [Envelope<E>] {
        deliveries.filter { $0.routingKey == E.routingKey }.compactMap { try? EventCodec().decode(E.self, from: Data($0.body)) }
    }

    /// Waits until at least `count` envelopes of `type` arrived; returns them.
    public func waitFor<E: Event>(_ type: E.Type, count: Int = 1, timeout: TimeInterval = 20) async -> [Envelope<E>] {
        _ = await TestBroker.eventually(timeout: timeout) { self.events(E.self).count >= count }
        return events(E.self)
    }
}

/// The listeners a harness started, stopped when it ends.
final class ListenerBag: @unchecked Sendable {
    // @unchecked: `consumers` is only touched under `lock`.
    private let lock = NSLock()
    private var consumers: [DeliveryConsumer] = []

    func add(_ consumer: DeliveryConsumer) {
        lock.lock()
        consumers.append(consumer)
        lock.unlock()
    }

    func stopAll() {
        lock.lock()
        let all = consumers
        lock.unlock()
        all.forEach { $0.stop() }
    }
}
