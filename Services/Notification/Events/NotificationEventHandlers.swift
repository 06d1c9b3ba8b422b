import Foundation
import GRDB
import NotificationDomain
import ShouhuEvents
import ShouhuService
import ShouhuStore

/// The handlers for every event this service consumes (`On<Event>`): each keeps the directory
/// current and writes the notices the rules decide, inside the consumer's inbox transaction, so
/// the same event twice notifies nobody twice.
enum NotificationEventHandlers {
    static func router(_ context: ServiceContext, _ configuration: NotificationConfiguration) -> EventRouter {
        let planner = configuration.planner
        let writer = configuration.writer
        let clock = context.clock
        var router = EventRouter()

        /// Plans and writes the notices for one situation caused by `envelopeId`.
        @Sendable func notify(_ situation: Situation?, _ envelopeId: String, _ db: Database) throws {
            guard let situation else { return }
            let notices = planner.plan(situation, subscriptions: try Directory.subscriptions(in: db))
            try writer.write(notices, source: envelopeId, now: clock.now(), in: db)
        }
        @Sendable func situations() -> Situations { Situations(today: clock.today()) }

        router.on(ChildRegistered.self) { db, envelope in
            try Directory.record(envelope.payload, in: db)
            let child = try Directory.child(envelope.payload.childId, in: db)!
            try notify(situations().childRegistered(envelope.payload, child: child), envelope.id, db)
        }
        router.on(ChildUpdated.self) { db, envelope in
            let event = envelope.payload
            try Directory.apply(event, in: db)
            let child = try Directory.child(event.childId, in: db)
            try notify(situations().childUpdated(event, child: child, mentors: try Directory.mentors(ofChild: event.childId, in: db)),
                       envelope.id, db)
        }
        router.on(ChildExited.self) { db, envelope in
            let event = envelope.payload
            try Directory.markExited(event.childId, on: event.on, in: db)
            let child = try Directory.child(event.childId, in: db)
            try notify(situations().childExited(event, child: child, mentors: try Directory.mentors(ofChild: event.childId, in: db)),
                       envelope.id, db)
        }
        router.on(RiskEscalated.self) { db, envelope in
            let event = envelope.payload
            try Directory.recordEscalation(envelope, in: db)
            let child = try Directory.child(event.childId, in: db)
            try notify(situations().riskEscalated(event, child: child, mentors: try Directory.mentors(ofChild: event.childId, in: db)),
                       envelope.id, db)
        }
        router.on(ReassessmentDue.self) { db, envelope in
            let event = envelope.payload
            let child = try Directory.child(event.childId, in: db)
            try notify(situations().reassessmentDue(event, child: child, mentors: try Directory.mentors(ofChild: event.childId, in: db)),
                       envelope.id, db)
        }
        router.on(MentorRegistered.self) { db, envelope in
            try Directory.record(envelope.payload, in: db)
        }
        router.on(MentorAssigned.self) { db, envelope in
            let event = envelope.payload
            try Directory.pair(child: event.childId, mentor: event.mentorId, in: db)
            let child = try Directory.child(event.childId, in: db)
            let mentor = try Directory.mentor(event.mentorId, in: db)
            try notify(situations().mentorAssigned(event, child: child, mentor: mentor), envelope.id, db)
            // The child's recent escalation, to this mentor alone, under the escalation's own id:
            // a mentor who already heard of it is not told twice.
            if let latest = try Directory.latestEscalation(of: event.childId, in: db), child?.exited != true,
               configuration.briefing.passesOn(escalatedAt: latest.at, now: clock.now()) {
                let situation = situations().riskEscalated(latest.event, child: child, mentors: [mentor])
                try writer.write(planner.plan(situation, subscriptions: []), source: latest.envelopeId, now: clock.now(), in: db)
            }
        }
        router.on(MentorUnassigned.self) { db, envelope in
            let event = envelope.payload
            try Directory.unpair(child: event.childId, mentor: event.mentorId, in: db)
            let child = try Directory.child(event.childId, in: db)
            try notify(situations().mentorUnassigned(event, child: child, mentor: try Directory.mentor(event.mentorId, in: db)),
                       envelope.id, db)
        }
        router.on(VisitRecorded.self) { db, envelope in
            let event = envelope.payload
            let child = try Directory.child(event.childId, in: db)
            try notify(situations().visitRecorded(event, child: child, mentor: try Directory.mentor(event.mentorId, in: db)),
                       envelope.id, db)
        }
        router.on(VisitOverdue.self) { db, envelope in
            try DigestStore.collect(envelope.payload, day: configuration.digest.day(for: clock.now()), in: db)
        }
        router.on(DisbursementApproved.self) { db, envelope in
            try notify(situations().disbursementApproved(envelope.payload), envelope.id, db)
        }
        router.on(DisbursementSettled.self) { db, envelope in
            let event = envelope.payload
            try notify(situations().disbursementSettled(event, child: try Directory.child(event.childId, in: db)), envelope.id, db)
        }
        return router
    }
}
