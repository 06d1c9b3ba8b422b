public import ServiceLifecycle
public import ShouhuMessaging
public import ShouhuStore

/// The long-lived event machinery of one service, run as one `Service` in the application's
/// service group: the confirming publisher and the outbox relay, the consumer of the service's
/// queue (if it consumes anything), and the scheduled sweeps.
///
/// On graceful shutdown (SIGTERM, SIGINT; the HTTP server has stopped first) the consumer
/// finishes and acks the batch in hand and closes its connection — the broker requeues anything
/// still unacked — the relay and sweeps stop, and the publisher closes last. Unsent outbox rows
/// stay in the store and go out at the next start.
public final class EventPlumbing: Service {
    public let publisher: ConfirmingPublisher
    public let relay: OutboxRelay
    public let consumer: DeliveryConsumer?
    public let sweeps: [ScheduledSweep]
    public let workers: [BackgroundWorker]

    public init(publisher: ConfirmingPublisher, relay: OutboxRelay, consumer: DeliveryConsumer?, sweeps: [ScheduledSweep],
                workers: [BackgroundWorker] = []) {
        self.publisher = publisher
        self.relay = relay
        self.consumer = consumer
        self.sweeps = sweeps
        self.workers = workers
    }

    public func run() async throws {
        publisher.start()
        let consumer = self.consumer, relay = self.relay, sweeps = self.sweeps, workers = self.workers
        await withTaskGroup(of: Void.self) { group in
            if let consumer { group.addTask { await consumer.run() } }
            group.addTask { await relay.run() }
            for sweep in sweeps { group.addTask { await sweep.run() } }
            for worker in workers { group.addTask { await worker.run() } }
            // Returns on graceful shutdown, or throws when the whole task is cancelled.
            try? await gracefulShutdown()
            consumer?.stop()
            group.cancelAll()
        }
        await publisher.shutdown()
    }
}
