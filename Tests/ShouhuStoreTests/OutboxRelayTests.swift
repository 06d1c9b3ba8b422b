import Foundation
import GRDB
import Testing
import ShouhuEvents
import ShouhuMessaging
import ShouhuStore
import ShouhuTestSupport

@Suite("Outbox relay bookkeeping")
struct OutboxRelayTests {
    @Test func confirmedRowsAreMarkedAndUnconfirmedOnesAreSentAgain() async throws {
        let database = try makeDatabase()
        let events = (0..<10).map { _ in exitEvent() }
        try await database.pool.write { db in
            for event in events { try database.outbox.append(event, in: db) }
        }
        let refused = Set(events.prefix(3).map(\.id))
        let flaky = ScriptedPublisher { refused.contains($0.messageId) ? .unconfirmed("connection lost") : .confirmed }
        let relay = OutboxRelay(database: database, publisher: flaky, producer: "intake", logger: quietLogger)

        let first = try await relay.publishPending()
        #expect(first == .init(published: 7, failed: 3, more: false))
        #expect(try await database.pool.read { db in try Outbox.depth(db) } == 3)
        let attempts = try await database.pool.read { db in
            try Int.fetchAll(db, sql: "SELECT attempts FROM shouhu_outbox WHERE publishedAt IS NULL")
        }
        #expect(attempts == [1, 1, 1])

        let healthy = ScriptedPublisher()
        let again = OutboxRelay(database: database, publisher: healthy, producer: "intake", logger: quietLogger)
        #expect(try await again.publishPending().published == 3)
        #expect(Set(healthy.messages.map(\.messageId)) == refused)
        #expect(try await database.pool.read { db in try Outbox.depth(db) } == 0)
    }

    @Test func theRunningRelayResendsWhatFailedWhileALaterBatchWasInFlight() async throws {
        let database = try makeDatabase()
        let events = (0..<100).map { _ in exitEvent() }
        try await database.pool.write { db in
            for event in events { try database.outbox.append(event, in: db) }
        }
        // The first time each of the first ten is sent, the broker does not confirm it.
        let refusedOnce = Set(events.prefix(10).map(\.id))
        let seen = LockedSet()
        let publisher = ScriptedPublisher { message in
            refusedOnce.contains(message.messageId) && seen.insert(message.messageId) ? .unconfirmed("lost") : .confirmed
        }
        let relay = OutboxRelay(database: database, publisher: publisher, producer: "intake", batchSize: 20, logger: quietLogger)
        let running = Task { await relay.run() }
        let drained = await TestBroker.eventually(timeout: 20) {
            (try? await database.pool.read { db in try Outbox.depth(db) }) == 0
        }
        running.cancel()
        await running.value
        #expect(drained)
        // Every event confirmed once; the ten refused ones were sent exactly twice.
        let sends = Dictionary(grouping: publisher.messages, by: \.messageId).mapValues(\.count)
        #expect(sends.count == 100)
        #expect(sends.filter { $0.value == 2 }.keys.sorted() == refusedOnce.sorted())
    }

    @Test func theRelayWakesAtTheCommitNotAtItsTimer() async throws {
        let database = try makeDatabase()
        let publisher = ScriptedPublisher()
        // An idle timer of a minute: if only the timer woke the relay, nothing would go out for
        // a minute. The bound below is generous so that a loaded machine cannot fail it.
        let relay = OutboxRelay(database: database, publisher: publisher, producer: "intake", idleTimeout: 60, logger: quietLogger)
        let running = Task { await relay.run() }
        try await Task.sleep(nanoseconds: 300_000_000)  // the relay is now idle, waiting
        try await database.pool.write { db in try database.outbox.append(exitEvent(), in: db) }
        let published = await TestBroker.eventually(timeout: 15) { publisher.messages.count == 1 }
        running.cancel()
        await running.value
        #expect(published, "the commit must wake the relay; its idle timer is a minute")
    }

    @Test func aRunningRelayKeepsTheWrittenOrderAcrossBatches() async throws {
        let database = try makeDatabase()
        let events = (0..<200).map { _ in exitEvent() }
        try await database.pool.write { db in
            for event in events { try database.outbox.append(event, in: db) }
        }
        let publisher = ScriptedPublisher()
        let relay = OutboxRelay(database: database, publisher: publisher, producer: "intake", batchSize: 15, logger: quietLogger)
        let running = Task { await relay.run() }
        let drained = await TestBroker.eventually(timeout: 10) { publisher.messages.count == 200 }
        running.cancel()
        await running.value
        #expect(drained)
        #expect(publisher.messages.map(\.messageId) == events.map(\.id))
    }

    @Test func messagesCarryTheEnvelopeAndItsProperties() async throws {
        let database = try makeDatabase()
        let event = exitEvent()
        try await database.pool.write { db in try database.outbox.append(event, in: db) }
        let publisher = ScriptedPublisher()
        _ = try await OutboxRelay(database: database, publisher: publisher, producer: "intake", logger: quietLogger).publishPending()
        let message = try #require(publisher.messages.first)
        #expect(message.routingKey == "child.exited")
        #expect(message.messageId == event.id)
        #expect(message.appId == "intake")
        #expect(message.contentType == "application/json")
        #expect(try EventCodec().decode(ChildExited.self, from: Data(message.body)) == event)
    }

    @Test func rowsGoOutInTheOrderTheyWereWritten() async throws {
        let database = try makeDatabase()
        let events = (0..<50).map { _ in exitEvent() }
        try await database.pool.write { db in
            for event in events { try database.outbox.append(event, in: db) }
        }
        let publisher = ScriptedPublisher()
        let relay = OutboxRelay(database: database, publisher: publisher, producer: "intake", batchSize: 20, logger: quietLogger)
        #expect(try await relay.publishPending().more)
        #expect(try await relay.publishPending().more)
        #expect(try await relay.publishPending() == .init(published: 10, failed: 0, more: false))
        #expect(publisher.messages.map(\.messageId) == events.map(\.id))
    }

    @Test func publishedRowsArePrunedAfterTheRetention() async throws {
        let database = try makeDatabase()
        try await database.pool.write { db in try database.outbox.append(exitEvent(), in: db) }
        let relay = OutboxRelay(database: database, publisher: ScriptedPublisher(), producer: "intake", logger: quietLogger)
        _ = try await relay.publishPending()
        try await relay.prunePublished(before: Date() - 60)
        #expect(try await database.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM shouhu_outbox") } == 1)
        try await relay.prunePublished(before: Date() + 60)
        #expect(try await database.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM shouhu_outbox") } == 0)
    }
}

/// A set that answers whether an insert was new, shared across tasks.
final class LockedSet: @unchecked Sendable {
    // @unchecked: `items` is guarded by `lock`.
    private let lock = NSLock()
    private var items: Set<String> = []
    func insert(_ item: String) -> Bool { lock.withLock { items.insert(item).inserted } }
}

