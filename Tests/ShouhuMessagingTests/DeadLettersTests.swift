import Foundation
import Testing
@testable import ShouhuMessaging
import ShouhuTestSupport

/// The operator's dead-letter tools against a real broker: listing leaves messages in place,
/// replay sends them back to the consumer's queue once and empties the dead-letter queue.
@Suite("Dead letters: list and replay")
struct DeadLettersTests {
    /// Publishes `count` messages and lets a consumer reject each one, so they land in the
    /// dead-letter queue the way a poison event does.
    private func deadLetter(_ count: Int, topology: Topology) async throws {
        let publisher = ConfirmingPublisher(endpoint: try TestBroker.endpoint(), topology: topology,
                                            connectionName: "\(topology.prefix)-pub", logger: TestBroker.logger)
        let outcomes = await publisher.publish(TestBroker.messages(count))
        #expect(outcomes.allSatisfy { $0.isConfirmed })
        await publisher.shutdown()
        let rejecting = RecordingHandler { _ in .deadLetter(reason: "poison for the test") }
        let consumer = DeliveryConsumer(endpoint: try TestBroker.endpoint(), topology: topology, consumer: "svc",
                                        handler: rejecting, prefetch: 50, connectionName: "\(topology.prefix)-rej",
                                        logger: TestBroker.logger)
        let running = Task { await consumer.run() }
        let admin = try BrokerAdmin(endpoint: try TestBroker.endpoint())
        #expect(try await TestBroker.eventually { try admin.depth(ofQueue: topology.deadLetterQueue("svc")) == count })
        consumer.stop()
        await running.value
    }

    @Test func listingShowsTheMessagesAndLeavesThemThere() async throws {
        try await TestBroker.withTopology { topology in
            try await deadLetter(3, topology: topology)
            let dead = try DeadLetters(endpoint: try TestBroker.endpoint(), topology: topology)
            let entries = try dead.list(consumer: "svc")
            #expect(entries.map(\.messageId) == ["m0", "m1", "m2"])
            #expect(entries.allSatisfy { $0.eventType == "test.event" })
            #expect(entries.first?.body == "{\"n\":0}")
            let admin = try BrokerAdmin(endpoint: try TestBroker.endpoint())
            // The broker puts listed messages back asynchronously; wait until all three are ready.
            #expect(try await TestBroker.eventually { try admin.depth(ofQueue: topology.deadLetterQueue("svc")) == 3 })
            let again = try DeadLetters(endpoint: try TestBroker.endpoint(), topology: topology).list(consumer: "svc")
            #expect(again.map(\.messageId) == ["m0", "m1", "m2"], "listing keeps the messages and their order")
        }
    }

    @Test func replayOfChosenIdsSendsThoseBackOnceAndKeepsTheRest() async throws {
        try await TestBroker.withTopology { topology in
            try await deadLetter(4, topology: topology)
            let report = try DeadLetters(endpoint: try TestBroker.endpoint(), topology: topology)
                .replay(consumer: "svc", ids: ["m1", "m3"])
            #expect(report.replayed == ["m1", "m3"])
            #expect(report.skipped == 2)

            let admin = try BrokerAdmin(endpoint: try TestBroker.endpoint())
            #expect(try await TestBroker.eventually {
                try admin.depth(ofQueue: topology.queue("svc")) == 2
                    && admin.depth(ofQueue: topology.deadLetterQueue("svc")) == 2
            })
            let rest = try DeadLetters(endpoint: try TestBroker.endpoint(), topology: topology).replay(consumer: "svc")
            #expect(rest.replayed == ["m0", "m2"])
            #expect(try await TestBroker.eventually {
                try admin.depth(ofQueue: topology.queue("svc")) == 4
                    && admin.depth(ofQueue: topology.deadLetterQueue("svc")) == 0
            })
        }
    }
}
