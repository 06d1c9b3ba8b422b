import Foundation

/// The claim on the outcomes of one batch handed to a publisher: `submit` returns it at once
/// (so batches are queued in the order they were submitted), and `outcomes()` waits for the
/// broker's answers.
public final class PublishTicket: @unchecked Sendable {
    // @unchecked: both fields are guarded by `lock`.
    private let lock = NSLock()
    private var result: [PublishOutcome]?
    private var waiters: [CheckedContinuation<[PublishOutcome], Never>] = []

    public init() {}

    /// Records the outcomes and wakes whoever waits; only the first call counts.
    public func fulfil(_ outcomes: [PublishOutcome]) {
        let toWake: [CheckedContinuation<[PublishOutcome], Never>] = lock.withLock {
            guard result == nil else { return [] }
            result = outcomes
            defer { waiters = [] }
            return waiters
        }
        for waiter in toWake { waiter.resume(returning: outcomes) }
    }

    /// One outcome per submitted message, in order, once the broker has answered them all.
    public func outcomes() async -> [PublishOutcome] {
        await withCheckedContinuation { continuation in
            let ready: [PublishOutcome]? = lock.withLock {
                if let result { return result }
                waiters.append(continuation)
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}
