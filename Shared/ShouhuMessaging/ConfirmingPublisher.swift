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
    private var finished: [CheckedContinuation<Void, Never>] = []
    private var threadDone = false

    private let endpoint: BrokerEndpoint
    private let topology: Topology
    private let connectionName: String
    private let window: Int
    private let confirmTimeout: TimeInterval
    private let logger: Logger

    private struct Job {
        var messages: [OutgoingMessage]
        var ticket: PublishTicket
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
            let waiters = self.finished
            self.finished = []
            self.condition.unlock()
            waiters.forEach { $0.resume() }
        }
        thread.name = "amqp-publisher"
        thread.start()
    }

    /// Publishes the messages and returns one outcome per message, in order. Never throws: a
    /// broker that is away gives `.unconfirmed` outcomes, to be sent again later.
    public func publish(_ messages: [OutgoingMessage]) async -> [PublishOutcome] {
        await submit(messages).outcomes()
    }

    /// Queues the messages at once, in call order, and returns the ticket for their outcomes:
    /// a caller that submits two batches one after the other has them sent in that order.
    public func submit(_ messages: [OutgoingMessage]) -> PublishTicket {
        let ticket = PublishTicket()
        if messages.isEmpty {
            ticket.fulfil([])
            return ticket
        }
        start()
        if !enqueue(Job(messages: messages, ticket: ticket)) {
            ticket.fulfil(messages.map { _ in .unconfirmed("publisher is shutting down") })
        }
        return ticket
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
        finished.append(continuation)
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

    /// A batch being published: what was sent, what the broker answered, who waits for it.
    private final class ActiveJob {
        let messages: [OutgoingMessage]
        let ticket: PublishTicket
        var outcomes: [PublishOutcome?]
        var answered = 0
        var nextToSend = 0

        init(_ job: Job) {
            messages = job.messages
            ticket = job.ticket
            outcomes = Array(repeating: nil, count: job.messages.count)
        }

        var isDone: Bool { answered == messages.count }

        func settle(_ index: Int, _ outcome: PublishOutcome) {
            guard outcomes[index] == nil else { return }
            outcomes[index] = outcome
            answered += 1
        }

        /// Answers everything not yet answered (sent or not) with `outcome`.
        func settleRest(_ outcome: PublishOutcome) {
            for i in outcomes.indices where outcomes[i] == nil { settle(i, outcome) }
        }

        func finish() { ticket.fulfil(outcomes.map { $0! }) }
    }

    /// Takes the batches handed over since the last look; waits up to `idle` when there is
    /// nothing to do at all. Returns nil when the publisher is stopping.
    private func takeJobs(idle: TimeInterval?) -> [Job]? {
        condition.lock()
        defer { condition.unlock() }
        if let idle, jobs.isEmpty && !stopping { _ = condition.wait(until: Date() + idle) }
        if stopping { return nil }
        defer { jobs = [] }
        return jobs
    }

    /// Answers everything the thread still holds, at shutdown.
    private func drainOnStop(_ active: [ActiveJob]) {
        condition.lock()
        let pending = jobs
        jobs = []
        condition.unlock()
        for job in active {
            job.settleRest(.unconfirmed("publisher is shutting down"))
            job.finish()
        }
        for job in pending {
            job.ticket.fulfil(job.messages.map { _ in .unconfirmed("publisher is shutting down") })
        }
    }

    /// The thread's loop: one sliding window of up to `window` unconfirmed messages across all
    /// batches, so a new batch starts going out while the previous one's confirms are still on
    /// their way. Tags are consecutive from 1 on each connection; `multiple` acks settle every
    /// outstanding tag up to theirs.
    private func loop() {
        var connection: AMQPConnection?
        var backoff = Backoff()
        var retryAt = Date.distantPast
        var nextTag: UInt64 = 1
        var active: [ActiveJob] = []
        var outstanding: [UInt64: (ActiveJob, Int)] = [:]
        var lowestOutstanding: UInt64 = 1
        var lastProgress = Date()

        func drop(_ error: AMQPError) {
            logger.warning("publisher connection lost", metadata: ["error": "\(error)"])
            connection?.abandon()
            connection = nil
            setConnected(false, error: "\(error)")
            retryAt = Date() + backoff.next()
            // Whatever was sent and not confirmed, and whatever was not sent yet, is reported
            // unconfirmed: the caller sends it again.
            for job in active { job.settleRest(.unconfirmed("\(error)")) }
            outstanding.removeAll()
        }

        func settle(upTo tag: UInt64, multiple: Bool, as outcome: PublishOutcome) {
            lastProgress = Date()
            if multiple {
                var t = lowestOutstanding
                while t <= tag {
                    if let (job, index) = outstanding.removeValue(forKey: t) { job.settle(index, outcome) }
                    t += 1
                }
            } else if let (job, index) = outstanding.removeValue(forKey: tag) {
                job.settle(index, outcome)
            }
            while lowestOutstanding < nextTag && outstanding[lowestOutstanding] == nil { lowestOutstanding += 1 }
        }

        while true {
            let busy = !active.isEmpty
            guard let fresh = takeJobs(idle: busy ? nil : 0.5) else {
                drainOnStop(active)
                break
            }
            active.append(contentsOf: fresh.map(ActiveJob.init))

            if connection == nil && Date() >= retryAt {
                do throws(AMQPError) {
                    let made = try AMQPConnection(endpoint: endpoint, connectionName: connectionName)
                    try topology.declare(on: made)
                    try made.enableConfirms()
                    connection = made
                    nextTag = 1
                    lowestOutstanding = 1
                    backoff.reset()
                    setConnected(true, error: nil)
                    logger.info("publisher connected", metadata: ["broker": "\(endpoint)"])
                } catch {
                    drop(error)
                }
            }
            guard let live = connection else {
                let reason = lastConnectionError ?? "broker not connected"
                for job in active { job.settleRest(.unconfirmed(reason)) }
                active.forEach { $0.finish() }
                active = []
                continue
            }

            do throws(AMQPError) {
                // Fill the window, oldest batch first.
                var sentSomething = false
                for job in active where outstanding.count < window {
                    while job.nextToSend < job.messages.count && outstanding.count < window {
                        try live.publish(exchange: topology.exchange, job.messages[job.nextToSend])
                        if outstanding.isEmpty { lastProgress = Date() }
                        outstanding[nextTag] = (job, job.nextToSend)
                        nextTag += 1
                        job.nextToSend += 1
                        sentSomething = true
                    }
                }
                // Read confirms: wait for one when the window is full or nothing is left to
                // send; otherwise only take what has already arrived.
                let waitFor: TimeInterval = outstanding.isEmpty ? 0 : (sentSomething && outstanding.count < window ? 0 : 0.05)
                while let frame = try live.waitFrame(timeout: waitFor) {
                    switch frame {
                    case .ack(let tag, let multiple): settle(upTo: tag, multiple: multiple, as: .confirmed)
                    case .nack(let tag, let multiple): settle(upTo: tag, multiple: multiple, as: .nacked)
                    case .other: break
                    }
                    if waitFor > 0 { break }
                }
                if !outstanding.isEmpty && Date().timeIntervalSince(lastProgress) > confirmTimeout {
                    throw AMQPError.timeout("no publisher confirm for \(Int(confirmTimeout)) s")
                }
            } catch {
                drop(error)
            }
            let finished = active.filter(\.isDone)
            active.removeAll(where: \.isDone)
            finished.forEach { $0.finish() }
        }
        connection?.close()
        setConnected(false, error: "stopped")
    }
}
