import Foundation
import GRDB
import Logging
import ShouhuEvents
import ShouhuMessaging
import ShouhuStore
import ShouhuTestSupport

/// The folders the store tests made: their databases stay open until the test ends, so they
/// are removed when the test process exits, not one by one.
final class TemporaryFolders: @unchecked Sendable {
    // @unchecked: `paths` is only touched under `lock`.
    private let lock = NSLock()
    private var paths: [String] = []

    static let shared: TemporaryFolders = {
        let folders = TemporaryFolders()
        atexit { TemporaryFolders.shared.removeAll() }
        return folders
    }()

    func add(_ path: String) { lock.withLock { paths.append(path) } }

    func removeAll() {
        for path in lock.withLock({ paths }) { try? FileManager.default.removeItem(atPath: path) }
    }
}

/// A throwaway service database in a temporary folder, with one table that the test handlers
/// write to, so a test can count what was applied.
func makeDatabase(service: String = "svc") throws -> ServiceDatabase {
    let directory = FileManager.default.temporaryDirectory.appending(path: "shouhu-store-\(UUID().uuidString)").path
    TemporaryFolders.shared.add(directory)
    return try ServiceDatabase(directory: directory, service: service) { migrator in
        migrator.registerMigration("test-001-applied") { db in
            try db.execute(sql: "CREATE TABLE applied (envelopeId TEXT NOT NULL, childId TEXT NOT NULL)")
        }
    }
}

let testCounty = "520330"

var quietLogger: Logger {
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    return logger
}

func exitEvent(child: String = UUID().uuidString.lowercased(), county: String = testCounty) -> Envelope<ChildExited> {
    Envelope(county: county, payload: ChildExited(childId: child, reason: .movedAway, on: CalendarDate("2026-11-20")!))
}

/// A router whose one handler records each applied `child.exited` in the `applied` table, and
/// throws for a child id of "boom" (a handler bug, retried) or "reject" (dead-lettered).
func recordingRouter() -> EventRouter {
    var router = EventRouter()
    router.on(ChildExited.self) { db, envelope in
        switch envelope.payload.childId {
        case "00000000-0000-0000-0000-00000000b00b": throw DatabaseError(resultCode: .SQLITE_BUSY, message: "simulated")
        case "00000000-0000-0000-0000-0000000dead0": throw EventRejection("simulated rejection")
        default: break
        }
        try db.execute(sql: "INSERT INTO applied (envelopeId, childId) VALUES (?, ?)",
                       arguments: [envelope.id, envelope.payload.childId])
    }
    return router
}

func appliedCount(_ database: ServiceDatabase) throws -> Int {
    try database.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM applied") ?? 0 }
}

func delivery<E: Event>(_ envelope: Envelope<E>, tag: UInt64 = 1) throws -> Delivery {
    Delivery(deliveryTag: tag, routingKey: E.routingKey, messageId: envelope.id,
             body: [UInt8](try EventCodec().encode(envelope)))
}

/// A publisher that answers from a script: a function of the message's position in the call.
final class ScriptedPublisher: ConfirmedPublishing, @unchecked Sendable {
    // @unchecked: `sent` is guarded by `lock`.
    private let lock = NSLock()
    private var sent: [OutgoingMessage] = []
    private let answer: @Sendable (OutgoingMessage) -> PublishOutcome

    init(answer: @escaping @Sendable (OutgoingMessage) -> PublishOutcome = { _ in .confirmed }) {
        self.answer = answer
    }

    func submit(_ messages: [OutgoingMessage]) -> PublishTicket {
        lock.withLock { sent.append(contentsOf: messages) }
        let ticket = PublishTicket()
        ticket.fulfil(messages.map(answer))
        return ticket
    }

    var messages: [OutgoingMessage] { lock.withLock { sent } }
}

/// The whole event path between two test databases, running: the producer's outbox relay with
/// its confirming publisher, and the consumer's queue applied through the inbox with
/// `recordingRouter()`. `stop()` takes it down in the order a service does.
struct RunningEventPath {
    let publisher: ConfirmingPublisher
    private let consumer: DeliveryConsumer
    private let consuming: Task<Void, Never>
    private let relaying: Task<Void, Never>

    init(producer: ServiceDatabase, consumer consumerDB: ServiceDatabase, topology: Topology) throws {
        publisher = ConfirmingPublisher(endpoint: try TestBroker.endpoint(), topology: topology,
                                        connectionName: "\(topology.prefix)-pub", logger: quietLogger)
        let relay = OutboxRelay(database: producer, publisher: publisher, producer: "producer", logger: quietLogger)
        let inbox = InboxHandler(database: consumerDB, router: recordingRouter(), county: testCounty, logger: quietLogger)
        let consumer = DeliveryConsumer(endpoint: try TestBroker.endpoint(), topology: topology, consumer: "svc",
                                        handler: inbox, connectionName: "\(topology.prefix)-con", logger: quietLogger)
        self.consumer = consumer
        consuming = Task { await consumer.run() }
        relaying = Task { await relay.run() }
    }

    func stop() async {
        relaying.cancel()
        consumer.stop()
        await consuming.value
        await relaying.value
        await publisher.shutdown()
    }
}
