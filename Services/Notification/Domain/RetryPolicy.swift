import Foundation

/// How a failed delivery is retried: the wait doubles after each failure from `base` up to
/// `maximum`, and after `limit` attempts the delivery is given up (放弃) and counted.
public struct RetryPolicy: Sendable, Hashable {
    public var base: TimeInterval
    public var maximum: TimeInterval
    public var limit: Int

    public init(base: TimeInterval = 30, maximum: TimeInterval = 3600, limit: Int = 8) {
        self.base = base
        self.maximum = maximum
        self.limit = limit
    }

    /// The wait after the `attempts`-th failed attempt (1 = the first).
    public func delay(afterAttempt attempts: Int) -> TimeInterval {
        let doublings = max(0, min(attempts - 1, 30))
        return min(maximum, base * pow(2, Double(doublings)))
    }

    /// Whether another attempt is allowed after `attempts` have failed.
    public func mayRetry(after attempts: Int) -> Bool { attempts < limit }
}
