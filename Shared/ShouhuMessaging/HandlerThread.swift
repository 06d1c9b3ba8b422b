import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The thread a `DeliveryConsumer` applies its batches on, so that its connection thread goes on
/// reading the next deliveries while a batch is decoded and committed (the handler's database
/// transaction ends in an fsync, which would otherwise stall the socket).
///
/// One batch at a time, in the order handed over; the connection thread collects the answer
/// and acks. Nothing AMQP happens here. An answer also makes `wakeDescriptor` (a pipe)
/// readable, so the connection thread can sleep in one `poll` on its socket and this
/// descriptor instead of checking back every so often.
final class HandlerThread: @unchecked Sendable {
    // @unchecked: every mutable field is guarded by `condition`.
    private let condition = NSCondition()
    private var job: [Delivery]?
    private var answer: [DeliveryDisposition]?
    private var stopping = false
    private var running = false
    private let handler: any DeliveryHandler
    /// The read end of a pipe that holds a byte from the moment an answer is ready until it
    /// is collected; both ends are non-blocking.
    let wakeDescriptor: Int32
    private let wakeWriter: Int32

    init(handler: any DeliveryHandler, name: String) {
        self.handler = handler
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            for end in ends {
                _ = fcntl(end, F_SETFL, O_NONBLOCK)
                _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            }
        }
        wakeDescriptor = ends[0]
        wakeWriter = ends[1]
        let thread = Thread { [self] in self.work() }
        thread.name = name
        running = true
        thread.start()
    }

    /// Hands a batch over; the thread must not be busy.
    func submit(_ batch: [Delivery]) {
        condition.lock(); defer { condition.unlock() }
        precondition(job == nil && answer == nil, "one batch at a time")
        job = batch
        condition.broadcast()
    }

    /// The answer for the batch handed over, waiting up to `timeout` for it; nil when it is
    /// not ready yet.
    func collect(waiting timeout: TimeInterval) -> [DeliveryDisposition]? {
        condition.lock(); defer { condition.unlock() }
        if answer == nil && timeout > 0 { _ = condition.wait(until: Date() + timeout) }
        guard let ready = answer else { return nil }
        answer = nil
        var drained = [UInt8](repeating: 0, count: 16)
        _ = read(wakeDescriptor, &drained, drained.count)
        return ready
    }

    /// Finishes the batch in hand, then ends the thread and returns.
    func stop() {
        condition.lock(); defer { condition.unlock() }
        stopping = true
        condition.broadcast()
        while running { condition.wait() }
    }

    deinit {
        for end in [wakeDescriptor, wakeWriter] where end >= 0 { close(end) }
    }

    private func work() {
        condition.lock()
        while true {
            while job == nil && !stopping { condition.wait() }
            guard let batch = job else { break }
            condition.unlock()
            let dispositions = handler.handle(batch)
            condition.lock()
            job = nil
            answer = dispositions
            var one: UInt8 = 1
            _ = write(wakeWriter, &one, 1)
            condition.broadcast()
        }
        running = false
        condition.broadcast()
        condition.unlock()
    }
}
