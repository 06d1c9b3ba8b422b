import Foundation
public import Hummingbird

/// `GET /admin/clock` and `POST /admin/clock` (`{"advanceDays": 15}` or `{"advanceSeconds": 60}`):
/// read and move a service's clock. Added only when `SHOUHU_CLOCK_ADJUSTABLE=true` (tests, the
/// demo county), and only for the `admin` role; the routes are not in the OpenAPI documents
/// because a production deployment never has them.
public struct ClockRoutes: Sendable {
    /// The clock the routes read and move.
    public let clock: ServiceClock

    /// Makes the routes for `clock`.
    public init(clock: ServiceClock) {
        self.clock = clock
    }

    /// The clock as the routes show it.
    public struct Reading: ResponseEncodable, Sendable {
        /// The service's "now", RFC 3339.
        public var now: Date
        /// Today in county time, `YYYY-MM-DD`.
        public var today: String
        /// Seconds ahead of the real time.
        public var offsetSeconds: Double
    }

    /// What `POST /admin/clock` takes.
    public struct Move: Decodable, Sendable {
        /// Whole days to move forward.
        public var advanceDays: Int?
        /// Seconds to move forward.
        public var advanceSeconds: Double?
    }

    /// Adds the routes to `router`, behind its auth middleware.
    public func add(to router: Router<ShouhuRequestContext>) {
        let clock = self.clock
        router.get("/admin/clock") { _, context in
            _ = try context.requireCaller([.admin])
            return Self.reading(clock)
        }
        router.post("/admin/clock") { request, context in
            _ = try context.requireCaller([.admin])
            let move = try await request.decodeJSON(as: Move.self, context: context)
            guard move.advanceDays != nil || move.advanceSeconds != nil else {
                throw APIError.badRequest("Give `advanceDays` or `advanceSeconds`.", code: "invalid_body", field: "advanceDays")
            }
            clock.advance(by: TimeInterval(move.advanceDays ?? 0) * 86_400 + (move.advanceSeconds ?? 0))
            return Self.reading(clock)
        }
    }

    static func reading(_ clock: ServiceClock) -> Reading {
        let now = clock.now()
        return Reading(now: now, today: clock.today().description, offsetSeconds: clock.currentOffset)
    }
}
