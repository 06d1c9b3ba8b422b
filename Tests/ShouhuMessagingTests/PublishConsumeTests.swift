import Foundation
import Testing
@testable import ShouhuMessaging
import ShouhuTestSupport

/// Against a real RabbitMQ on loopback: confirms, acks, dead letters, redelivery, reconnection.
@Suite("Messaging against a real broker")
struct PublishConsumeTests {
    @Test func publishedMessagesAreConfirmedAndConsumedOnce() async throws {
        try await TestBroker.withTopology { topology in
            let publisher = ConfirmingPublisher(endpoint: try TestBroker.endpoint(), topology: topology,
                                                connectionName: "\(topology.prefix)-pub", window: 50, logger: TestBroker.logger)
            let outcomes = await publisher.publish(TestBroker.messages(300))
            #expect(outcomes.count == 300)
            #expect(outcomes.allSatisfy { $0.isConfirmed })

            let handler = RecordingHandler()
            let consumer = DeliveryConsumer(endpoint: try TestBroker.endpoint(), topology: topology, consumer: "svc",
                                            handler: handler, prefetch: 100, connectionName: "\(topology.prefix)-con",
                                            logger: TestBroker.logger)
            let running = Task { await consumer.run() }
            #expect(await TestBroker.eventually { handler.deliveries.count >= 300 })
            consumer.stop()
            await running.value
            await publisher.shutdown()

            let ids = handler.deliveries.map(\.messageId)
            #expect(Set(ids).count == 300)
            #expect(handler.deliveries.first?.body == Array("{\"n\":0}".utf8))
            #expect(handler.batches.contains { $0 > 1 }, "waiting deliveries are handed over together")
            #expect(try BrokerAdmin(endpoint: try TestBroker.endpoint()).depth(ofQueue: topology.queue("svc")) == 0)
        }
    }

    @Test func concurrentBatchesShareOneWindowAndAreAllConfirmed() async throws {
        try await TestBroker.withTopology { topology in
            let publisher = ConfirmingPublisher(endpoint: try TestBroker.endpoint(), topology: topology,
                                                connectionName: "\(topology.prefix)-pub", window: 64, logger: TestBroker.logger)
            let outcomes = await withTaskGroup(of: [PublishOutcome].self) { group in
                for batch in 0..<5 {
                    let messages = TestBroker.messages(200).map { m -> OutgoingMessage in
                        var m = m
                        m.messageId = "b\(batch)-\(m.messageId)"
                        return m
                    }
                    group.addTask { await publisher.publish(messages) }
                }
                var all: [[PublishOutcome]] = []
                for await result in group { all.append(result) }
                return all
            }
            #expect(outcomes.count == 5)
            #expect(outcomes.allSatisfy { $0.count == 200 && $0.allSatisfy { $0.isConfirmed } })
            #expect(try await TestBroker.eventually {
                try BrokerAdmin(endpoint: try TestBroker.endpoint()).depth(ofQueue: topology.queue("svc")) == 1_000
            })
            await publisher.shutdown()
        }
    }

    @Test func poisonGoesToTheDeadLetterQueueAndTheConsumerGoesOn() async throws {
        try await TestBroker.withTopology { topology in
            let publisher = ConfirmingPublisher(endpoint: try TestBroker.endpoint(), topology: topology,
                                                connectionName: "\(topology.prefix)-pub", logger: TestBroker.logger)
            var messages = TestBroker.messages(5)
            messages[2].body = Array("not json".utf8)
            #expect(await publisher.publish(messages).allSatisfy { $0.isConfirmed })
            await publisher.shutdown()

            let handler = RecordingHandler { delivery in
                delivery.body.first == UInt8(ascii: "{") ? .ack : .deadLetter(reason: "not JSON")
            }
            let consumer = DeliveryConsumer(endpoint: try TestBroker.endpoint(), topology: topology, consumer: "svc",
                                            handler: handler, connectionName: "\(topology.prefix)-con", logger: TestBroker.logger)
            let running = Task { await consumer.run() }
            let admin = try BrokerAdmin(endpoint: try TestBroker.endpoint())
            #expect(try await TestBroker.eventually { try admin.depth(ofQueue: topology.deadLetterQueue("svc")) == 1 })
            #expect(await TestBroker.eventually { handler.deliveries.count == 5 })
            consumer.stop()
            await running.value
            #expect(try admin.depth(ofQueue: topology.queue("svc")) == 0)
        }
    }

    @Test func aMessageThatKeepsFailingIsDeadLetteredAtTheDeliveryLimit() async throws {
        try await TestBroker.withTopology(deliveryLimit: 2) { topology in
            let publisher = ConfirmingPublisher(endpoint: try TestBroker.endpoint(), topology: topology,
                                                connectionName: "\(topology.prefix)-pub", logger: TestBroker.logger)
            #expect(await publisher.publish(TestBroker.messages(1)).allSatisfy { $0.isConfirmed })
            await publisher.shutdown()

            let handler = RecordingHandler { _ in .retry(reason: "database busy") }
            let consumer = DeliveryConsumer(endpoint: try TestBroker.endpoint(), topology: topology, consumer: "svc",
                                            handler: handler, connectionName: "\(topology.prefix)-con",
                                            retryDelay: 0.05, logger: TestBroker.logger)
            let running = Task { await consumer.run() }
            let admin = try BrokerAdmin(endpoint: try TestBroker.endpoint())
            #expect(try await TestBroker.eventually { try admin.depth(ofQueue: topology.deadLetterQueue("svc")) == 1 })
            consumer.stop()
            await running.value
            // The first delivery and the retries the limit allows, then the dead-letter queue.
            #expect(handler.deliveries.count == 3)
            #expect(handler.deliveries.last?.redelivered == true)
        }
    }

    @Test func aConsumerKilledBeforeItsAckGetsTheMessageAgain() async throws {
        try await TestBroker.withTopology { topology in
            let publisher = ConfirmingPublisher(endpoint: try TestBroker.endpoint(), topology: topology,
                                                connectionName: "\(topology.prefix)-pub", logger: TestBroker.logger)
            #expect(await publisher.publish(TestBroker.messages(1)).allSatisfy { $0.isConfirmed })
            await publisher.shutdown()

            // A consumer that takes the message and dies without acking: its connection goes.
            do {
                let doomed = try AMQPConnection(endpoint: try TestBroker.endpoint(), connectionName: "\(topology.prefix)-doomed")
                try doomed.setPrefetch(10)
                try doomed.startConsuming(queue: topology.queue("svc"), consumerTag: "doomed")
                var first: Delivery?
                for _ in 0..<50 where first == nil { first = try doomed.nextDelivery(timeout: 0.1) }
                #expect(first?.messageId == "m0")
                #expect(first?.redelivered == false)
            }

            let handler = RecordingHandler()
            let consumer = DeliveryConsumer(endpoint: try TestBroker.endpoint(), topology: topology, consumer: "svc",
                                            handler: handler, connectionName: "\(topology.prefix)-con", logger: TestBroker.logger)
            let running = Task { await consumer.run() }
            #expect(await TestBroker.eventually { handler.deliveries.count == 1 })
            consumer.stop()
            await running.value
            #expect(handler.deliveries.first?.messageId == "m0")
            #expect(handler.deliveries.first?.redelivered == true)
        }
    }

    @Test func bothSidesReconnectAfterTheBrokerDropsTheirConnections() async throws {
        try await TestBroker.withTopology { topology in
            let name = "\(topology.prefix)-drop"
            let publisher = ConfirmingPublisher(endpoint: try TestBroker.endpoint(), topology: topology,
                                                connectionName: name, logger: TestBroker.logger)
            let handler = RecordingHandler()
            let consumer = DeliveryConsumer(endpoint: try TestBroker.endpoint(), topology: topology, consumer: "svc",
                                            handler: handler, connectionName: name, logger: TestBroker.logger)
            let running = Task { await consumer.run() }
            #expect(await publisher.publish(TestBroker.messages(10)).allSatisfy { $0.isConfirmed })
            #expect(await TestBroker.eventually { handler.deliveries.count >= 10 })

            #expect(try TestBroker.forceClose(connectionsNamed: name) == 2)

            // Publishing goes on: outcomes during the outage are unconfirmed, and resending
            // (what the outbox relay does) gets every message through.
            var pending = TestBroker.messages(10).map { m -> OutgoingMessage in
                var m = m
                m.messageId = "after-" + m.messageId
                return m
            }
            let until = Date() + 30
            while !pending.isEmpty && Date() < until {
                let outcomes = await publisher.publish(pending)
                pending = zip(pending, outcomes).filter { !$0.1.isConfirmed }.map(\.0)
                if !pending.isEmpty { try await Task.sleep(nanoseconds: 200_000_000) }
            }
            #expect(pending.isEmpty)
            #expect(await TestBroker.eventually {
                Set(handler.deliveries.compactMap(\.messageId).filter { $0.hasPrefix("after-") }).count == 10
            })
            #expect(publisher.connectionCount >= 2)
            #expect(consumer.connectionCount >= 2)
            consumer.stop()
            await running.value
            await publisher.shutdown()
        }
    }

    @Test func heartbeatsKeepAnIdleConnectionAlive() async throws {
        try await TestBroker.withTopology { topology in
            // A two-second heartbeat: the broker drops a client that stays silent for two
            // intervals, so eight idle seconds would end a connection whose heartbeats are not
            // serviced.
            let endpoint = try TestBroker.endpoint(heartbeat: 2)
            let publisher = ConfirmingPublisher(endpoint: endpoint, topology: topology,
                                                connectionName: "\(topology.prefix)-pub", logger: TestBroker.logger)
            let handler = RecordingHandler()
            let consumer = DeliveryConsumer(endpoint: endpoint, topology: topology, consumer: "svc", handler: handler,
                                            connectionName: "\(topology.prefix)-con", logger: TestBroker.logger)
            let running = Task { await consumer.run() }
            publisher.start()
            #expect(await TestBroker.eventually { publisher.isConnected && consumer.isConnected })
            try await Task.sleep(nanoseconds: 8_000_000_000)
            #expect(await publisher.publish(TestBroker.messages(3)).allSatisfy { $0.isConfirmed })
            #expect(await TestBroker.eventually { handler.deliveries.count == 3 })
            #expect(publisher.connectionCount == 1)
            #expect(consumer.connectionCount == 1)
            consumer.stop()
            await running.value
            await publisher.shutdown()
        }
    }

    @Test func aBrokerThatIsNotThereGivesUnconfirmedOutcomesNotACrash() async throws {
        let endpoint = try BrokerEndpoint(url: "amqp://guest:guest@127.0.0.1:1/")
        let publisher = ConfirmingPublisher(endpoint: endpoint, topology: TestBroker.topology(),
                                            connectionName: "nobody", logger: TestBroker.logger)
        let outcomes = await publisher.publish(TestBroker.messages(3))
        #expect(outcomes.count == 3)
        #expect(outcomes.allSatisfy { if case .unconfirmed = $0 { true } else { false } })
        #expect(publisher.isConnected == false)
        #expect(publisher.lastConnectionError?.contains("connect failed") == true)
        await publisher.shutdown()
    }

    @Test func wrongPasswordIsALoginFailure() throws {
        let endpoint = try BrokerEndpoint(url: "amqp://guest:wrong@127.0.0.1:5672/")
        #expect {
            _ = try AMQPConnection(endpoint: endpoint, connectionName: "bad-login")
        } throws: { error in
            if case AMQPError.loginFailed = error { return true }
            return false
        }
    }
}

@Suite("TLS")
struct TLSTests {
    /// TLS checks the peer and the host name and cannot be switched off; a plain-AMQP port
    /// answering a TLS client is a clean connect failure, never a crash or a silent downgrade.
    @Test func tlsToAPlainPortFailsCleanly() throws {
        let endpoint = try BrokerEndpoint(url: "amqps://guest:guest@127.0.0.1:5672/?connection_timeout=3000")
        #expect(endpoint.useTLS)
        #expect {
            _ = try AMQPConnection(endpoint: endpoint, connectionName: "tls-to-plain")
        } throws: { error in
            if case AMQPError.connectFailed = error { return true }
            return false
        }
    }

    @Test func aMissingCAFileIsNamedInTheError() throws {
        let endpoint = try BrokerEndpoint(url: "amqps://guest:guest@127.0.0.1:5672/?cacertfile=/nonexistent/ca.pem")
        #expect {
            _ = try AMQPConnection(endpoint: endpoint, connectionName: "tls-no-ca")
        } throws: { error in
            "\(error)".contains("/nonexistent/ca.pem")
        }
    }
}
