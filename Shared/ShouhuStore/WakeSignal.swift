import Foundation

/// Wakes a waiting loop early: the outbox relay sleeps until an event is committed or a timeout
/// passes, whichever comes first. A notification that arrives while nobody waits is remembered
/// once, so a commit between two waits is never missed.
public final class WakeSignal: @unchecked Sendable {
    // @unchecked: both fields are guarded by `lock`.
    private let lock = NSLock()
    private var pending = false
    private var waiter: CheckedContinuation<Void, Never>?

    public init() {}

    /// Wakes the waiter, or marks the next wait to return at once.
    public func notify() {
        let toResume: CheckedContinuation<Void, Never>? = lock.withLock {
            if let w = waiter {
                waiter = nil
                return w
            }
            pending = true
            return nil
        }
        toResume?.resume()
    }

    /// Returns when notified, after `timeout` seconds, or when the task is cancelled.
    public func wait(timeout: TimeInterval) async {
        if takePending() { return }
        let timer = Task { [weak self] in
            try? await Task.sleep(nanoseconds: UInt64(max(0, timeout) * 1_000_000_000))
            self?.notify()
        }
        defer { timer.cancel() }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                if !park(continuation) { continuation.resume() }
            }
        } onCancel: {
            notify()
        }
    }

    private func takePending() -> Bool {
        lock.withLock {
            defer { pending = false }
            return pending
        }
    }

    /// Keeps the continuation for `notify`; false when a notification is already pending.
    private func park(_ continuation: CheckedContinuation<Void, Never>) -> Bool {
        lock.withLock {
            if pending {
                pending = false
                return false
            }
            waiter = continuation
            return true
        }
    }
}
