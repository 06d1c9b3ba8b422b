import Foundation
import GRDB
import Testing
import ShouhuEvents
import ShouhuMessaging
import ShouhuStore
import ShouhuTestSupport

/// The whole path of an event against a real broker: outbox → relay → exchange → queue →
/// consumer → inbox → handler.
@Suite("Event path against a real broker")
struct EndToEndPathTests {
    static func topology(deliveryLimit: Int = 3) -> Topology {
        var topology = TestBroker.topology(deliveryLimit: deliveryLimit)
        topology.queues = [QueueSpec(consumer: "svc", routingKeys: [ChildExited.routingKey])]
        return topology
    }

    @Test func everyCommittedEventIsAppliedOnceEvenWhenPublishedTwice() async throws {
        let topology = Self.topology()
        let admin = try BrokerAdmin(endpoint: try TestBroker.endpoint())
        try admin.declare(topology)
        defer { try? admin.delete(topology) }

        let producer = try makeDatabase(service: "producer")
        let consumerDB = try makeDatabase(service: "svc")
        let events = (0..<200).map { _ in exitEvent() }
        try await producer.pool.write { db in
            for event in events { try producer.outbox.append(event, in: db) }
        }
        let path = try RunningEventPath(producer: producer, consumer: consumerDB, topology: topology)

        #expect(try await TestBroker.eventually { try appliedCount(consumerDB) == 200 })
        // The same envelopes again, as after a crash between the broker's ack and the mark.
        let again = try events.prefix(50).map { event in
            OutgoingMessage(routingKey: ChildExited.routingKey, messageId: event.id, body: [UInt8](try EventCodec().encode(event)))
        }
        #expect(await path.publisher.publish(again).allSatisfy { $0.isConfirmed })
        #expect(try await TestBroker.eventually { try admin.depth(ofQueue: topology.queue("svc")) == 0 })
        try await Task.sleep(nanoseconds: 300_000_000)
        #expect(try appliedCount(consumerDB) == 200)
        #expect(try await producer.pool.read { db in try Outbox.depth(db) } == 0)

        await path.stop()
    }

    @Test func aPoisonEventIsDeadLetteredAndTheRestAreApplied() async throws {
        let topology = Self.topology()
        let admin = try BrokerAdmin(endpoint: try TestBroker.endpoint())
        try admin.declare(topology)
        defer { try? admin.delete(topology) }
        let consumerDB = try makeDatabase()
        let publisher = ConfirmingPublisher(endpoint: try TestBroker.endpoint(), topology: topology,
                                            connectionName: "\(topology.prefix)-pub", logger: quietLogger)
        var messages = try (0..<20).map { _ -> OutgoingMessage in
            let event = exitEvent()
            return OutgoingMessage(routingKey: ChildExited.routingKey, messageId: event.id, body: [UInt8](try EventCodec().encode(event)))
        }
        messages[7].body = Array(#"{"id":"x","type":"child.exited","version":9}"#.utf8)
        #expect(await publisher.publish(messages).allSatisfy { $0.isConfirmed })
        await publisher.shutdown()

        let inbox = InboxHandler(database: consumerDB, router: recordingRouter(), county: testCounty, logger: quietLogger)
        let consumer = DeliveryConsumer(endpoint: try TestBroker.endpoint(), topology: topology, consumer: "svc",
                                        handler: inbox, connectionName: "\(topology.prefix)-con", logger: quietLogger)
        let consuming = Task { await consumer.run() }
        #expect(try await TestBroker.eventually { try appliedCount(consumerDB) == 19 })
        #expect(try await TestBroker.eventually { try admin.depth(ofQueue: topology.deadLetterQueue("svc")) == 1 })
        consumer.stop()
        await consuming.value
    }
}

/// Stops the broker while events wait in an outbox. Runs only when SHOUHU_TEST_BROKER_RESTART=1
/// (deploy/local/test.sh runs it alone, after the other tests).
@Suite("Broker restart", .serialized, .enabled(if: TestBroker.restartTestsEnabled))
struct BrokerRestartTests {
    @Test func eventsWaitingInTheOutboxAllArriveAfterTheBrokerReturns() async throws {
        let topology = EndToEndPathTests.topology()
        let admin = try BrokerAdmin(endpoint: try TestBroker.endpoint())
        try admin.declare(topology)

        let producer = try makeDatabase(service: "producer")
        let consumerDB = try makeDatabase(service: "svc")
        try await producer.pool.write { db in
            for _ in 0..<1_000 { try producer.outbox.append(exitEvent(), in: db) }
        }
        try TestBroker.stopApp()
        var restarted = false
        defer { if !restarted { try? TestBroker.startApp() } }

        let path = try RunningEventPath(producer: producer, consumer: consumerDB, topology: topology)

        try await Task.sleep(nanoseconds: 3_000_000_000)
        #expect(try await producer.pool.read { db in try Outbox.depth(db) } == 1_000, "nothing is marked sent while the broker is away")
        #expect(!path.publisher.isConnected)

        try TestBroker.startApp()
        restarted = true
        #expect(try await TestBroker.eventually(timeout: 90) { try appliedCount(consumerDB) == 1_000 })
        #expect(try await producer.pool.read { db in try Outbox.depth(db) } == 0)
        let distinct = try await consumerDB.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT envelopeId) FROM applied") }
        #expect(distinct == 1_000)

        await path.stop()
        try? BrokerAdmin(endpoint: try TestBroker.endpoint()).delete(topology)
    }
}
