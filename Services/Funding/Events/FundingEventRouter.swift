import Foundation
import ShouhuEvents
import ShouhuStore

/// The events funding consumes, each to its handler.
enum FundingEventRouter {
    static func make() -> EventRouter {
        var router = EventRouter()
        router.on(ChildRegistered.self, OnChildRegistered.handle)
        router.on(ChildUpdated.self, OnChildUpdated.handle)
        router.on(ChildExited.self, OnChildExited.handle)
        router.on(AssessmentRecorded.self, OnAssessmentRecorded.handle)
        return router
    }
}

extension Date {
    /// Milliseconds since 1970, the resolution of an envelope's `occurredAt`.
    var milliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }
}
