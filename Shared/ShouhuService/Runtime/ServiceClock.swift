import Foundation
public import ShouhuEvents

/// What "now" is for one service: the real time, moved forward by an offset that only a test or
/// demo deployment can change (`SHOUHU_CLOCK_ADJUSTABLE=true`, `POST /admin/clock`).
///
/// Every rule that depends on the date — ages, due dates, overdue visits, reassessments, aged-out
/// sweeps — asks this clock, never `Date()` directly, so a test can move a running service's
/// time and watch a visit go overdue. In production the offset stays zero.
public final class ServiceClock: @unchecked Sendable {
    // @unchecked: `offset` is read and written only under `lock`.
    private let lock = NSLock()
    private var offset: TimeInterval = 0
    private let base: @Sendable () -> Date
    /// Whether ``advance(by:)`` may be called from outside (the `/admin/clock` route).
    public let isAdjustable: Bool

    /// - Parameters:
    ///   - adjustable: whether the offset may be changed through the admin route.
    ///   - base: the underlying time source; the system clock unless a test fixes it.
    public init(adjustable: Bool = false, base: @escaping @Sendable () -> Date = { Date() }) {
        self.isAdjustable = adjustable
        self.base = base
    }

    /// A clock fixed at `instant` that tests move by hand.
    public static func fixed(at instant: Date) -> ServiceClock {
        ServiceClock(adjustable: true, base: { instant })
    }

    /// The current instant.
    public func now() -> Date {
        base().addingTimeInterval(currentOffset)
    }

    /// Today's date in county time (UTC+8).
    public func today() -> CalendarDate {
        CalendarDate(now())
    }

    /// How far this clock runs ahead of its base, in seconds.
    public var currentOffset: TimeInterval {
        lock.lock()
        defer { lock.unlock() }
        return offset
    }

    /// Moves the clock forward (or back, with a negative interval).
    public func advance(by interval: TimeInterval) {
        lock.lock()
        offset += interval
        lock.unlock()
    }

    /// Moves the clock forward by whole days.
    public func advance(days: Int) {
        advance(by: TimeInterval(days) * 86_400)
    }
}
