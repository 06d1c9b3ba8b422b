import Foundation

/// Exponential backoff with jitter, for reconnecting after a failure: the n-th wait is a random
/// time between a quarter of and the whole of min(cap, base · 2ⁿ), so that services restarted
/// together do not hammer the broker in step.
public struct Backoff: Sendable {
    public var base: TimeInterval
    public var cap: TimeInterval
    private(set) var attempt = 0

    public init(base: TimeInterval = 0.2, cap: TimeInterval = 15) {
        self.base = base
        self.cap = cap
    }

    /// The next wait, and counts the attempt.
    public mutating func next() -> TimeInterval {
        let ceiling = min(cap, base * pow(2, Double(min(attempt, 30))))
        attempt += 1
        return Double.random(in: (ceiling / 4)...ceiling)
    }

    /// Back to short waits after a success.
    public mutating func reset() { attempt = 0 }
}
