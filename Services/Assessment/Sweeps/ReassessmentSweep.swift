import Foundation
import GRDB
import ShouhuService
import ShouhuStore

/// The scheduled sweep that finds children due for reassessment (复评) and emits
/// `ReassessmentDue`: incidents not yet notified (a visit with concerns whose child was not yet
/// registered, say), then the children not assessed this term. One transaction per run.
enum ReassessmentSweep {
    static func make(_ context: ServiceContext, settings: AssessmentSettings) -> ScheduledSweep {
        let notices = ReassessmentNotices(
            schedule: settings.schedule, county: context.settings.county, outbox: context.database.outbox)
        return ScheduledSweep(
            name: "reassessment-due", interval: settings.sweepInterval, database: context.database,
            clock: { context.clock.now() }, logger: context.logger
        ) { db, now in
            try notices.incidents(db, now: now) + notices.terms(db, now: now)
        }
    }
}
