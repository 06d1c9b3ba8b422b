import Foundation
import GRDB
import Logging
import ShouhuEvents
import ShouhuMessaging
import ShouhuStore

/// A throwaway service database in a temporary folder, with one table that the test handlers
/// write to, so a test can count what was applied.
func makeDatabase(service: String = "svc") throws -> ServiceDatabase {
    let directory = FileManager.default.temporaryDirectory.appending(path: "shouhu-store-\(UUID().uuidString)").path
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
