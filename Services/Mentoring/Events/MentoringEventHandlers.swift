import GRDB
import ShouhuEvents
import ShouhuService
import ShouhuStore

/// The events mentoring consumes, each applied inside the inbox transaction with its
/// follow-on events (`MentorAssigned`, `MentorUnassigned`) appended there too. Each handler
/// takes today from the service's clock.
enum MentoringEventHandlers {
    static func router(store: MentoringStore, clock: ServiceClock) -> EventRouter {
        var router = EventRouter()
        // OnChildRegistered: project the child and pair them.
        router.on(ChildRegistered.self) { db, envelope in
            try store.register(envelope.payload, in: store.change(db, at: clock.now(), cause: envelope.header))
        }
        // OnChildUpdated: keep the place current; a move pairs again.
        router.on(ChildUpdated.self) { db, envelope in
            try store.update(envelope.payload, in: store.change(db, at: clock.now(), cause: envelope.header))
        }
        // OnChildExited: end the pairings, stop the duties.
        router.on(ChildExited.self) { db, envelope in
            try store.exit(envelope.payload, in: store.change(db, at: clock.now(), cause: envelope.header))
        }
        // OnAssessmentRecorded: the tier; a key child gets two-on-one.
        router.on(AssessmentRecorded.self) { db, envelope in
            try store.assess(envelope.payload, in: store.change(db, at: clock.now(), cause: envelope.header))
        }
        // OnRiskEscalated: a home visit soon.
        router.on(RiskEscalated.self) { db, envelope in
            try store.escalate(envelope.payload, in: store.change(db, at: clock.now(), cause: envelope.header))
        }
        return router
    }
}
