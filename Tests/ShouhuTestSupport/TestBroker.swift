import Foundation
import Logging
import ShouhuMessaging

/// The broker the tests talk to (a real RabbitMQ on loopback, started by deploy/local/test.sh),
/// and a topology with a name prefix of its own so tests can run side by side.
public struct TestBroker {
    public static var url: String {
        ProcessInfo.processInfo.environment["SHOUHU_TEST_AMQP_URL"] ?? "amqp://guest:guest@127.0.0.1:5672/"
    }

    public static func endpoint(heartbeat: Int = 30) throws -> BrokerEndpoint {
        try BrokerEndpoint(url: url, defaultHeartbeatSeconds: heartbeat)
    }

    public static var logger: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = ProcessInfo.processInfo.environment["SHOUHU_TEST_LOG"] == "1" ? .debug : .warning
        return logger
    }

    /// A fresh topology named `t-<random>`, with one consumer `svc` bound to `test.#`.
    public static func topology(deliveryLimit: Int = 3) -> Topology {
        let prefix = "t-" + UUID().uuidString.prefix(8).lowercased()
        return Topology(prefix: prefix, deliveryLimit: deliveryLimit,
                        queues: [QueueSpec(consumer: "svc", routingKeys: ["test.#"])])
    }

    /// Declares the topology, runs the test, and deletes the topology again whatever happened.
    public static func withTopology<R>(deliveryLimit: Int = 3, _ body: (Topology) async throws -> R) async throws -> R {
        let topology = topology(deliveryLimit: deliveryLimit)
        try BrokerAdmin(endpoint: try endpoint()).declare(topology)
        do {
            let result = try await body(topology)
            try? BrokerAdmin(endpoint: try endpoint()).delete(topology)
            return result
        } catch {
            try? BrokerAdmin(endpoint: try endpoint()).delete(topology)
            throw error
        }
    }

    public static func messages(_ count: Int, key: String = "test.event") -> [OutgoingMessage] {
        (0..<count).map { i in
            OutgoingMessage(routingKey: key, messageId: "m\(i)", body: Array("{\"n\":\(i)}".utf8))
        }
    }

    /// Waits until a condition holds, polling every `interval` (20 ms unless told); false on timeout.
    public static func eventually(timeout: TimeInterval = 20, every interval: TimeInterval = 0.02,
                                  _ condition: () async throws -> Bool) async rethrows -> Bool {
        let until = Date() + timeout
        while Date() < until {
            if try await condition() { return true }
            try? await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000))
        }
        return try await condition()
    }

    /// Closes, from the broker's side, every connection whose name starts with `prefix`: what a
    /// broker restart or a network cut looks like to a client, without disturbing other tests.
    public static func forceClose(connectionsNamed prefix: String) throws -> Int {
        let list = try run(["rabbitmqctl", "-q", "list_connections", "pid", "client_properties"])
        var closed = 0
        for line in list.split(separator: "\n") where line.contains(prefix) {
            guard let pid = line.split(separator: "\t").first else { continue }
            _ = try run(["rabbitmqctl", "-q", "close_connection", String(pid), "test: simulated failure"])
            closed += 1
        }
        return closed
    }

    @discardableResult
    public static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/env")
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// A handler that records what it saw and answers with a fixed rule.
public final class RecordingHandler: DeliveryHandler, @unchecked Sendable {
    // @unchecked: `seen` and `batches` are guarded by `lock`.
    private let lock = NSLock()
    private var seen: [Delivery] = []
    private var batchSizes: [Int] = []
    private let rule: @Sendable (Delivery) -> DeliveryDisposition

    public init(rule: @escaping @Sendable (Delivery) -> DeliveryDisposition = { _ in .ack }) {
        self.rule = rule
    }

    public func handle(_ batch: [Delivery]) -> [DeliveryDisposition] {
        lock.withLock {
            seen.append(contentsOf: batch)
            batchSizes.append(batch.count)
        }
        return batch.map(rule)
    }

    public var deliveries: [Delivery] { lock.withLock { seen } }
    public var batches: [Int] { lock.withLock { batchSizes } }
}

extension TestBroker {
    /// Stops the broker's application (connections drop, nothing is accepted) — the node keeps
    /// running so that `startApp` brings it back with its durable queues.
    public static func stopApp() throws { try run(["rabbitmqctl", "-q", "stop_app"]) }

    /// Starts the broker's application again and waits until it accepts connections.
    public static func startApp() throws {
        try run(["rabbitmqctl", "-q", "start_app"])
        let until = Date() + 60
        while Date() < until {
            if (try? BrokerAdmin(endpoint: endpoint())) != nil { return }
            Thread.sleep(forTimeInterval: 0.2)
        }
    }

    /// Whether the tests that stop the broker may run (deploy/local/test.sh runs them on their
    /// own, after the others, because they would disturb tests running beside them).
    public static var restartTestsEnabled: Bool {
        ProcessInfo.processInfo.environment["SHOUHU_TEST_BROKER_RESTART"] == "1"
    }
}
