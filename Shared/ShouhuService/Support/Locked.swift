import Foundation

/// A value guarded by a lock, for the few process-wide switches this module keeps (the log
/// level, the one-time bootstraps). `Synchronization.Mutex` would do, but it is only available
/// from macOS 15 and this package also builds for developers on macOS 14.
final class Locked<Value: Sendable>: @unchecked Sendable {
    // @unchecked: every access to `value` goes through `lock`.
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    var current: Value {
        withLock { $0 }
    }
}
