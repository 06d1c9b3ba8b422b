import ArgumentParser
import Foundation
import GRDB
import Logging
import ShouhuEvents
import ShouhuMessaging
import ShouhuStore

/// The backbone's figure: events per second through the full path (outbox → relay → broker →
/// consumer → inbox → handler) next to the raw rate of rabbitmq-c publishing and consuming the
/// same messages with the same guarantees (persistent, publisher confirms, quorum queue, manual
/// acks), measured in the same run so that the result is a ratio.
struct PipelineBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline", abstract: "Full event path versus raw rabbitmq-c, same run.")

    @Option(help: "Events per measurement.") var events = 20_000
    @Option(help: "How many times to measure each; the median is reported.") var rounds = 3
    @Option(help: "Events written per outbox transaction (a request or an import batch).") var perTransaction = 50
    @Flag(help: "Print when each stage of the full path finished.") var verbose = false
    @Flag(help: "Measure only the full path (for profiling).") var fullPathOnly = false
    @Option(help: "Broker URL.") var amqpURL = ProcessInfo.processInfo.environment["SHOUHU_TEST_AMQP_URL"] ?? "amqp://guest:guest@127.0.0.1:5672/"

    func run() async throws {
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let endpoint = try BrokerEndpoint(url: amqpURL)
        print("pipeline benchmark: \(events) events × \(rounds) rounds, \(perTransaction) events per outbox transaction")
        var raw: [Double] = []
        var full: [Double] = []
        for round in 1...rounds {
            let r = fullPathOnly ? 1 : try await rawRate(endpoint: endpoint, logger: logger)
            let f = try await fullPathRate(endpoint: endpoint, logger: logger)
            raw.append(r)
            full.append(f)
            print(String(format: "  round %d: raw rabbitmq-c %8.0f ev/s   full path %8.0f ev/s   ratio %.2f", round, r, f, f / r))
        }
        // Each round measures both paths back to back, so the per-round ratio cancels most of
        // what a shared machine does to absolute rates; its median is the figure to quote.
        let ratios = zip(full, raw).map { $0 / $1 }
        print(String(format: "median: raw %.0f ev/s, full path %.0f ev/s; median of per-round ratios %.2f (target ≥ 0.50)",
                     median(raw), median(full), median(ratios)))
        if verbose { try await writerAlone() }
        print("peak memory (VmHWM): \(peakMemoryMiB()) MiB")
    }

    /// The outbox writer with nothing else running: what the producer side costs on its own.
    private func writerAlone() async throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "shouhu-bench-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let producer = try ServiceDatabase(directory: directory, service: "producer")
        let envelopes = sampleEnvelopes(count: events)
        let start = Date()
        try await write(envelopes, into: producer)
        let elapsed = Date().timeIntervalSince(start)
        print(String(format: "    outbox writer alone: %.2f s (%.0f ev/s)", elapsed, Double(events) / elapsed))
    }

    /// Publish with confirms (500 in flight) and consume with manual acks, no store at all.
    private func rawRate(endpoint: BrokerEndpoint, logger: Logger) async throws -> Double {
        let topology = benchTopology()
        let admin = try BrokerAdmin(endpoint: endpoint)
        try admin.declare(topology)
        defer { try? admin.delete(topology) }
        let body = try sampleBodies(count: events)
        let messages = body.map { OutgoingMessage(routingKey: ChildExited.routingKey, messageId: $0.id, body: $0.bytes) }
        let counter = CountingHandler()
        let consumer = DeliveryConsumer(endpoint: endpoint, topology: topology, consumer: "bench", handler: counter,
                                        connectionName: "bench-raw-consumer", logger: logger)
        let publisher = ConfirmingPublisher(endpoint: endpoint, topology: topology, connectionName: "bench-raw-publisher", logger: logger)
        let consuming = Task { await consumer.run() }
        let start = Date()
        // All at once through the publisher's sliding window (500 unconfirmed at most), as a raw
        // rabbitmq-c publisher would; anything not confirmed is sent again.
        var pending = messages
        while !pending.isEmpty {
            let outcomes = await publisher.publish(pending)
            pending = zip(pending, outcomes).filter { !$0.1.isConfirmed }.map(\.0)
        }
        while counter.count < events { try await Task.sleep(nanoseconds: 1_000_000) }
        let elapsed = Date().timeIntervalSince(start)
        consumer.stop()
        await consuming.value
        await publisher.shutdown()
        return Double(events) / elapsed
    }

    /// Write events into an outbox in transactions, while the relay publishes them and a
    /// consumer applies them through the inbox to a table; timed until the last is applied.
    private func fullPathRate(endpoint: BrokerEndpoint, logger: Logger) async throws -> Double {
        let topology = benchTopology()
        let admin = try BrokerAdmin(endpoint: endpoint)
        try admin.declare(topology)
        defer { try? admin.delete(topology) }
        let directory = FileManager.default.temporaryDirectory.appending(path: "shouhu-bench-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let producer = try ServiceDatabase(directory: directory, service: "producer")
        let consumerDB = try ServiceDatabase(directory: directory, service: "bench") { migrator in
            migrator.registerMigration("bench-001") { db in
                try db.execute(sql: "CREATE TABLE exits (childId TEXT PRIMARY KEY, reason TEXT NOT NULL, day TEXT NOT NULL)")
            }
        }
        var router = EventRouter()
        router.on(ChildExited.self) { db, envelope in
            // A prepared statement, as a handler on a hot path keeps one.
            try db.cachedStatement(sql: "INSERT OR REPLACE INTO exits VALUES (?, ?, ?)")
                .execute(arguments: [envelope.payload.childId, envelope.payload.reason.rawValue, envelope.payload.on.description])
        }
        let publisher = ConfirmingPublisher(endpoint: endpoint, topology: topology, connectionName: "bench-full-publisher", logger: logger)
        let relay = OutboxRelay(database: producer, publisher: publisher, producer: "intake", logger: logger)
        let inbox = InboxHandler(database: consumerDB, router: router, county: "520330", logger: logger)
        let applied = CountingHandler(wrapping: inbox)
        let consumer = DeliveryConsumer(endpoint: endpoint, topology: topology, consumer: "bench", handler: applied,
                                        connectionName: "bench-full-consumer", logger: logger)
        let envelopes = sampleEnvelopes(count: events)
        let consuming = Task { await consumer.run() }
        let relaying = Task { await relay.run() }
        publisher.start()
        while !publisher.isConnected || !consumer.isConnected { try await Task.sleep(nanoseconds: 10_000_000) }

        let start = Date()
        let writing = Task {
            try await write(envelopes, into: producer)
            return Date().timeIntervalSince(start)
        }
        // Timed as the raw path is: until the handler has answered for the last delivery — here
        // after the inbox's transaction committed it. The store is checked afterwards, untimed.
        // The outbox probe (for the stage figures) runs only when asked for.
        var relayed: TimeInterval?
        while applied.count < events {
            if verbose, relayed == nil, try await producer.pool.read({ db in
                try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM shouhu_outbox") == events
                    && !(try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM shouhu_outbox WHERE publishedAt IS NULL)") ?? true)
            }) {
                relayed = Date().timeIntervalSince(start)
            }
            try await Task.sleep(nanoseconds: verbose ? 4_000_000 : 1_000_000)
        }
        let elapsed = Date().timeIntervalSince(start)
        let written = try await writing.value
        let stored = try await consumerDB.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM exits") ?? 0 }
        guard stored == events else {
            throw ValidationError("the full path applied \(stored) events of \(events)")
        }
        if verbose {
            // Each relay pass marks its confirmed rows in one transaction with one timestamp.
            let passes = try await producer.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT publishedAt) FROM shouhu_outbox") ?? 0
            }
            print(String(format: "    full path stages: written %.2f s, relayed %@ s, applied %.2f s; %d relay passes", written,
                         relayed.map { String(format: "%.2f", $0) } ?? "≈end", elapsed, passes))
        }
        relaying.cancel()
        consumer.stop()
        await consuming.value
        await relaying.value
        await publisher.shutdown()
        return Double(events) / elapsed
    }

    private func benchTopology() -> Topology {
        Topology(prefix: "bench-" + UUID().uuidString.prefix(8).lowercased(), deliveryLimit: 5,
                 queues: [QueueSpec(consumer: "bench", routingKeys: [ChildExited.routingKey])])
    }

    /// Writes events into an outbox `perTransaction` at a time, as requests or an import would.
    private func write(_ envelopes: [Envelope<ChildExited>], into producer: ServiceDatabase) async throws {
        for first in stride(from: 0, to: envelopes.count, by: perTransaction) {
            let slice = envelopes[first..<min(first + perTransaction, envelopes.count)]
            try await producer.pool.write { db in
                for envelope in slice { try producer.outbox.append(envelope, in: db) }
            }
        }
    }

    private func sampleBodies(count: Int) throws -> [(id: String, bytes: [UInt8])] {
        let codec = EventCodec()
        return try sampleEnvelopes(count: count).map { ($0.id, [UInt8](try codec.encode($0))) }
    }

}

/// Counts the deliveries its handler answered `.ack` for: alone (no handler) it acks everything,
/// the consumer side of the raw measurement; around the inbox it counts what was committed.
final class CountingHandler: DeliveryHandler, @unchecked Sendable {
    // @unchecked: `seen` is guarded by `lock`; `inner` is immutable.
    private let lock = NSLock()
    private var seen = 0
    private let inner: (any DeliveryHandler)?

    init(wrapping inner: (any DeliveryHandler)? = nil) {
        self.inner = inner
    }

    func handle(_ batch: [Delivery]) -> [DeliveryDisposition] {
        let answers = inner?.handle(batch) ?? batch.map { _ in .ack }
        let acked = answers.reduce(0) { $0 + ($1 == .ack ? 1 : 0) }
        lock.withLock { seen += acked }
        return answers
    }

    var count: Int { lock.withLock { seen } }
}

/// `child.exited` envelopes for fresh children: the event every benchmark here pushes.
func sampleEnvelopes(count: Int) -> [Envelope<ChildExited>] {
    (0..<count).map(CodecSamples.childExited)
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

/// The process's peak resident memory, from /proc (Linux).
func peakMemoryMiB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kib = line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap { Int($0) } ?? 0
        return kib / 1024
    }
    return -1
}
