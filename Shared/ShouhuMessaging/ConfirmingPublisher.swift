import Foundation
import Logging

/// Publishes messages with publisher confirms and says, for each one, whether the broker took it.
///
/// Owns one connection on its own thread (rabbitmq-c's rule); callers hand it batches from any
/// task and await the outcomes. Many messages are in flight at once (`window`), because waiting
/// for each confirm in turn costs an order of magnitude in throughput on a quorum queue. The
/// connection is kept open while idle (heartbeats are serviced), re-made with backoff after any
/// failure, and the topology is declared again on each new connection. Nothing is retried here:
/// a message that was not confirmed is reported as such, and the caller (the outbox relay) sends
/// it again — so duplicates are possible and loss is not.
public final class ConfirmingPublisher: @unchecked Sendable {
    // @unchecked: all mutable state below is guarded by `condition`; the AMQP connection itself
    // lives only in the thread's local variables and never leaves that thread.
    private let condition = NSCondition()
    private var jobs: [Job] = []
    private var stopping = false
    private var started = false
    private var connected = false
    private var lastError: String?
    private var connectionsMade = 0
    private var finished: CheckedContinuation<Void, Never>?
    private var threadDone = false

    private let endpoint: BrokerEndpoint
    private let topology: Topology
    private let connectionName: String
    private let window: Int
    private let confirmTimeout: TimeInterval
    private let logger: Logger

    private struct Job {
        var messages: [OutgoingMessage]
        var continuation: CheckedContinuation<[PublishOutcome], Never>
    }

    /// - Parameters:
    ///   - window: how many messages may await their confirm at once.
    ///   - confirmTimeout: how long without any confirm before the connection counts as broken.
    public init(endpoint: BrokerEndpoint, topology: Topology, connectionName: String,
                window: Int = 500, confirmTimeout: TimeInterval = 30, logger: Logger) {
        self.endpoint = endpoint
        self.topology = topology
        self.connectionName = connectionName
        self.window = max(1, window)
        self.confirmTimeout = confirmTimeout
        self.logger = logger
    }

    /// Whether the publisher holds a working connection right now (for `/health/ready`).
    public var isConnected: Bool {
        condition.lock(); defer { condition.unlock() }
        return connected
    }

    /// The last connection error, for health details and logs; nil while connected.
    public var lastConnectionError: String? {
        condition.lock(); defer { condition.unlock() }
        return lastError
    }

    /// Starts the thread and the first connection attempt. Calling it again does nothing.
    public func start() {
        condition.lock()
        defer { condition.unlock() }
        guard !started else { return }
        started = true
        let thread = Thread { [self] in
            self.loop()
            self.condition.lock()
            self.threadDone = true
            let waiter = self.finished
            self.finished = nil
            self.condition.unlock()
            waiter?.resume()
        }
        thread.name = "amqp-publisher"
        thread.start()
    }

    /// Publishes the messages and returns one outcome per message, in order. Never throws: a
    /// broker that is away gives `.unconfirmed` outcomes, to be sent again later.
    public func publish(_ messages: [OutgoingMessage]) async -> [PublishOutcome] {
        if messages.isEmpty { return [] }
        start()
        return await withCheckedContinuation { continuation in
            if !enqueue(Job(messages: messages, continuation: continuation)) {
                continuation.resume(returning: messages.map { _ in .unconfirmed("publisher is shutting down") })
            }
        }
    }

    /// Hands a batch to the thread; false when the publisher is stopping.
    private func enqueue(_ job: Job) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if stopping { return false }
        jobs.append(job)
        condition.signal()
        return true
    }

    /// Stops the thread after the batch in hand and closes the connection. Batches still queued
    /// are answered `.unconfirmed`.
    public func shutdown() async {
        guard requestStop() else { return }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            if !registerFinishWaiter(continuation) { continuation.resume() }
        }
    }

    /// Marks the publisher as stopping; true when a running thread must still be waited for.
    private func requestStop() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        stopping = true
        condition.signal()
        return started && !threadDone
    }

    /// Keeps the continuation to resume when the thread ends; false when it has ended already.
    private func registerFinishWaiter(_ continuation: CheckedContinuation<Void, Never>) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if threadDone { return false }
        finished = continuation
        return true
    }

    // MARK: - The publisher thread

    private func setConnected(_ value: Bool, error: String?) {
        condition.lock()
        if value && !connected { connectionsMade += 1 }
        connected = value
        lastError = error
        condition.unlock()
    }

    /// How many connections have been made so far; more than one means it reconnected.
    public var connectionCount: Int {
        condition.lock(); defer { condition.unlock() }
        return connectionsMade
    }

    private func loop() {
        var connection: AMQPConnection?
        var backoff = Backoff()
        var retryAt = Date.distantPast
        var nextTag: UInt64 = 1

        func drop(_ error: AMQPError) {
            logger.warning("publisher connection lost", metadata: ["error": "\(error)"])
            connection = nil
            setConnected(false, error: "\(error)")
            retryAt = Date() + backoff.next()
        }

        while true {
            condition.lock()
            if jobs.isEmpty && !stopping {
                // Wake at least every half second: heartbeats are only serviced inside calls.
                _ = condition.wait(until: Date() + 0.5)
            }
            if stopping {
                let pending = jobs
                jobs = []
                condition.unlock()
                for job in pending {
                    job.continuation.resume(returning: job.messages.map { _ in .unconfirmed("publisher is shutting down") })
                }
                break
            }
            let job = jobs.isEmpty ? nil : jobs.removeFirst()
            condition.unlock()

            if connection == nil && Date() >= retryAt {
                do throws(AMQPError) {
                    let fresh = try AMQPConnection(endpoint: endpoint, connectionName: connectionName)
                    try topology.declare(on: fresh)
                    try fresh.enableConfirms()
                    connection = fresh
                    nextTag = 1
                    backoff.reset()
                    setConnected(true, error: nil)
                    logger.info("publisher connected", metadata: ["broker": "\(endpoint)"])
                } catch {
                    drop(error)
                }
            }

            guard let job else {
                if let idle = connection {
                    do throws(AMQPError) {
                        while try idle.waitFrame(timeout: 0) != nil {}
                    } catch {
                        drop(error)
                    }
                }
                continue
            }
            guard let live = connection else {
                let reason = lastConnectionError ?? "broker not connected"
                job.continuation.resume(returning: job.messages.map { _ in .unconfirmed(reason) })
                continue
            }
            let (outcomes, error) = publishBatch(job.messages, on: live, nextTag: &nextTag)
            if let error { drop(error) }
            job.continuation.resume(returning: outcomes)
        }
        connection?.close()
        setConnected(false, error: "stopped")
    }

    /// Sends a batch with up to `window` messages unconfirmed at a time and collects the
    /// broker's acks and nacks. On an error, every message not yet answered is `.unconfirmed`.
    private func publishBatch(_ messages: [OutgoingMessage], on connection: AMQPConnection,
                              nextTag: inout UInt64) -> ([PublishOutcome], AMQPError?) {
        let count = messages.count
        var outcomes = [PublishOutcome?](repeating: nil, count: count)
        let firstTag = nextTag
        var sent = 0
        var answered = 0
        var lowestOpen = 0
        var lastProgress = Date()

        func settle(_ tag: UInt64, multiple: Bool, as outcome: PublishOutcome) {
            guard tag >= firstTag else { return }
            let index = Int(tag - firstTag)
            guard index < sent else { return }
            let from = multiple ? lowestOpen : index
            for i in from...index where outcomes[i] == nil {
                outcomes[i] = outcome
                answered += 1
            }
            while lowestOpen < count, outcomes[lowestOpen] != nil { lowestOpen += 1 }
            lastProgress = Date()
        }

        do throws(AMQPError) {
            while answered < count {
                while sent < count && sent - answered < window {
                    try connection.publish(exchange: topology.exchange, messages[sent])
                    sent += 1
                    nextTag += 1
                }
                guard let frame = try connection.waitFrame(timeout: 0.5) else {
                    if Date().timeIntervalSince(lastProgress) > confirmTimeout {
                        throw AMQPError.timeout("no publisher confirm for \(Int(confirmTimeout)) s")
                    }
                    continue
                }
                switch frame {
                case .ack(let tag, let multiple): settle(tag, multiple: multiple, as: .confirmed)
                case .nack(let tag, let multiple): settle(tag, multiple: multiple, as: .nacked)
                case .other: break
                }
            }
            return (outcomes.map { $0! }, nil)
        } catch {
            let reason = "\(error)"
            return (outcomes.map { $0 ?? .unconfirmed(reason) }, error)
        }
    }
}
