import Foundation
import Logging
import Metrics

/// Takes deliveries from one service's queue with manual acks, hands them to the service in
/// batches, and acks or rejects each according to what the service said.
///
/// Owns one connection on its own thread, and applies batches on a second thread so that the
/// next batch is read while the previous one commits. Deliveries that are already waiting (up to
/// the prefetch) are handed over together, so the service can apply them in one database
/// transaction and the consumer acks them with one `multiple` ack. Batches are applied one at a
/// time, in the order they arrived. A message is acked only after the handler
/// returned — after its transaction committed — so a crash before that brings it back. After any
/// broker or network failure it reconnects with backoff, declares the topology again and goes on;
/// unacked deliveries come back from the broker, and the service's inbox drops the repeats.
public final class DeliveryConsumer: @unchecked Sendable {
    // @unchecked: the mutable fields are guarded by `lock`; the AMQP connection never leaves the
    // consumer thread.
    private let lock = NSLock()
    private var stopping = false
    private var started = false
    private var connected = false
    private var lastError: String?
    private var connectionsMade = 0
    private var done: CheckedContinuation<Void, Never>?
    private var threadDone = false

    private let endpoint: BrokerEndpoint
    private let topology: Topology
    private let consumer: String
    private let handler: any DeliveryHandler
    private let prefetch: Int
    private let connectionName: String
    private let retryDelay: TimeInterval
    private let gatherWindow: TimeInterval
    private let logger: Logger
    private let lagGauge: Gauge
    /// Counters by routing key, made once each; touched only on the consumer thread.
    private var consumedCounters: [String: Counter] = [:]

    /// - Parameters:
    ///   - consumer: the queue suffix, the service's name (`shouhu.<consumer>`).
    ///   - prefetch: how many unacked deliveries the broker may send at once; also the largest
    ///     batch handed to the handler.
    ///   - retryDelay: pause before requeueing a delivery that failed for a passing reason, so a
    ///     short outage does not burn the delivery limit in a few milliseconds.
    ///   - gatherWindow: how long to wait for one more delivery before handing over the batch.
    public init(endpoint: BrokerEndpoint, topology: Topology, consumer: String, handler: any DeliveryHandler,
                prefetch: Int = 200, connectionName: String, retryDelay: TimeInterval = 1,
                gatherWindow: TimeInterval = 0.001, logger: Logger) {
        self.endpoint = endpoint
        self.topology = topology
        self.consumer = consumer
        self.handler = handler
        self.prefetch = max(1, prefetch)
        self.connectionName = connectionName
        self.retryDelay = retryDelay
        self.gatherWindow = gatherWindow
        self.logger = logger
        self.lagGauge = EventMetrics.consumerLag(queue: topology.queue(consumer))
    }

    /// Whether the consumer holds a working connection right now (for `/health/ready`).
    public var isConnected: Bool {
        lock.withLock { connected }
    }

    /// The last connection error, for health details; nil while connected.
    public var lastConnectionError: String? {
        lock.withLock { lastError }
    }

    /// Consumes until `stop()` is called or the task is cancelled, then finishes the batch in
    /// hand, acks it, closes the connection and returns.
    public func run() async {
        let alreadyStarted: Bool = lock.withLock {
            defer { started = true }
            return started
        }
        guard !alreadyStarted else { return }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                lock.withLock { done = continuation }
                let thread = Thread { [self] in
                    self.loop()
                    let waiter: CheckedContinuation<Void, Never>? = self.lock.withLock {
                        self.threadDone = true
                        defer { self.done = nil }
                        return self.done
                    }
                    waiter?.resume()
                }
                thread.name = "amqp-consumer-\(consumer)"
                thread.start()
            }
        } onCancel: {
            stop()
        }
    }

    /// Asks the consumer to finish; `run()` returns once it has.
    public func stop() {
        lock.withLock { stopping = true }
    }

    private var isStopping: Bool { lock.withLock { stopping } }

    private func setConnected(_ value: Bool, error: String?) {
        lock.withLock {
            if value && !connected { connectionsMade += 1 }
            connected = value
            lastError = error
        }
    }

    /// How many connections have been made so far; more than one means it reconnected.
    public var connectionCount: Int {
        lock.withLock { connectionsMade }
    }

    /// Sleeps in short slices so that a stop request is noticed promptly.
    private func pause(_ seconds: TimeInterval) {
        let until = Date() + seconds
        while !isStopping && Date() < until {
            Thread.sleep(forTimeInterval: min(0.1, max(0, until.timeIntervalSinceNow)))
        }
    }

    // MARK: - The consumer thread

    /// The connection thread: reads deliveries, hands them in batches to the handler thread,
    /// and acks or rejects each batch once the handler answered — while the handler applies one
    /// batch, the next is being read. Batches are applied one at a time, in delivery order.
    private func loop() {
        let worker = HandlerThread(handler: handler, name: "amqp-handler-\(consumer)")
        var connection: AMQPConnection?
        var backoff = Backoff()
        var lastDepthCheck = Date.distantPast
        let queue = topology.queue(consumer)
        /// Deliveries read and not yet handed over.
        var gathered: [Delivery] = []
        /// The batch the handler thread is applying, and whether its connection is gone (then
        /// its answer is dropped: the broker sends the deliveries again, the inbox skips them).
        var inHand: [Delivery]?
        var orphaned = false

        /// Acks or rejects the batch in hand once the handler answered (waiting up to `wait`).
        func settleInHand(on live: AMQPConnection?, waiting wait: TimeInterval) throws(AMQPError) {
            guard let batch = inHand, let dispositions = worker.collect(waiting: wait) else { return }
            inHand = nil
            if orphaned || live == nil {
                orphaned = false
                return
            }
            try settle(batch, dispositions, on: live!)
        }

        while !isStopping {
            guard let live = connection else {
                // Wait for a batch still being applied before starting again.
                try? settleInHand(on: nil, waiting: 0.1)
                if inHand != nil { continue }
                do throws(AMQPError) {
                    let fresh = try AMQPConnection(endpoint: endpoint, connectionName: connectionName)
                    try topology.declare(on: fresh)
                    try fresh.setPrefetch(prefetch)
                    try fresh.startConsuming(queue: queue, consumerTag: connectionName)
                    connection = fresh
                    backoff.reset()
                    setConnected(true, error: nil)
                    logger.info("consumer connected", metadata: ["queue": "\(queue)", "broker": "\(endpoint)"])
                } catch {
                    setConnected(false, error: "\(error)")
                    logger.warning("consumer cannot connect", metadata: ["queue": "\(queue)", "error": "\(error)"])
                    pause(backoff.next())
                }
                continue
            }
            do throws(AMQPError) {
                if Date().timeIntervalSince(lastDepthCheck) > 5 {
                    lastDepthCheck = Date()
                    lagGauge.record(try live.queueDepth(queue))
                }
                try settleInHand(on: live, waiting: 0)
                if inHand == nil {
                    // The handler is free: take what has arrived, and while the batch is under
                    // half the prefetch and deliveries keep coming (each within `gatherWindow`),
                    // wait for more — one transaction (one fsync) and one ack for many
                    // deliveries under load, at most `gatherWindow` of latency when idle.
                    // (rabbitmq-c rounds a 1 ms timeout down to none, so the wait is a poll.)
                    if gathered.isEmpty {
                        guard let first = try live.nextDelivery(timeout: 0.25) else { continue }
                        gathered.append(first)
                    }
                    while gathered.count < prefetch {
                        if let more = try live.nextDelivery(timeout: 0) {
                            gathered.append(more)
                            continue
                        }
                        guard gathered.count < max(1, prefetch / 2) else { break }
                        live.waitForInput(orWake: -1, timeout: gatherWindow)
                        guard let more = try live.nextDelivery(timeout: 0) else { break }
                        gathered.append(more)
                    }
                    worker.submit(gathered)
                    inHand = gathered
                    gathered = []
                } else {
                    // The handler is busy: sleep until the broker sends something or the
                    // handler answers, and read what arrived (heartbeats are serviced there too).
                    live.waitForInput(orWake: worker.wakeDescriptor, timeout: 0.1)
                    if let next = try live.nextDelivery(timeout: 0) { gathered.append(next) }
                }
            } catch {
                logger.warning("consumer connection lost", metadata: ["queue": "\(queue)", "error": "\(error)"])
                live.abandon()
                connection = nil
                gathered = []
                orphaned = inHand != nil
                setConnected(false, error: "\(error)")
                pause(backoff.next())
            }
        }
        // Finish the batch in hand and ack it; what was read but not handed over goes back to
        // the queue when the connection closes.
        while inHand != nil { try? settleInHand(on: connection, waiting: 0.1) }
        worker.stop()
        connection?.close()
        setConnected(false, error: "stopped")
    }

    private func consumed(_ routingKey: String) -> Counter {
        if let counter = consumedCounters[routingKey] { return counter }
        let counter = EventMetrics.consumed(type: routingKey)
        consumedCounters[routingKey] = counter
        return counter
    }

    private func settle(_ batch: [Delivery], _ dispositions: [DeliveryDisposition], on connection: AMQPConnection) throws(AMQPError) {
        precondition(dispositions.count == batch.count, "a handler must answer every delivery")
        if dispositions.allSatisfy({ $0 == .ack }) {
            // Every earlier delivery on this channel is settled already, so one multiple ack
            // covers exactly this batch.
            try connection.ack(batch[batch.count - 1].deliveryTag, multiple: true)
            for delivery in batch { consumed(delivery.routingKey).increment() }
            return
        }
        if dispositions.contains(where: { if case .retry = $0 { return true } else { return false } }) {
            pause(retryDelay)
        }
        for (delivery, disposition) in zip(batch, dispositions) {
            switch disposition {
            case .ack:
                try connection.ack(delivery.deliveryTag, multiple: false)
                consumed(delivery.routingKey).increment()
            case .deadLetter(let reason):
                logger.error("dead-lettering a message", metadata: [
                    "queue": "\(topology.queue(consumer))", "routingKey": "\(delivery.routingKey)",
                    "messageId": "\(delivery.messageId ?? "-")", "reason": "\(reason)",
                ])
                try connection.reject(delivery.deliveryTag, requeue: false)
                EventMetrics.deadLettered(type: delivery.routingKey).increment()
            case .retry(let reason):
                logger.warning("requeueing a message after a passing failure", metadata: [
                    "routingKey": "\(delivery.routingKey)", "messageId": "\(delivery.messageId ?? "-")",
                    "deliveryCount": "\(delivery.deliveryCount ?? 0)", "reason": "\(reason)",
                ])
                try connection.reject(delivery.deliveryTag, requeue: true)
            }
        }
    }
}
