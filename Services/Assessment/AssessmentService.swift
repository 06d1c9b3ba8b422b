import Foundation
public import ShouhuService
import ShouhuEvents
import ShouhuStore

/// The assessment service: rates each child's risk (分级, 心级): guardian category, harm level,
/// guardian rating and care level, and raises risk.escalated when it rises.
///
/// It keeps its own projection of each child from intake's events, records assessments
/// (emitting `assessment.recorded` and, on a rise, `risk.escalated` through the outbox), turns
/// visits with concerns into incidents, reminds of reassessments due (`reassessment.due`) by a
/// sweep, and answers the risk, list, report and guardianship routes.
public enum AssessmentService {
    /// The service as the shared runtime runs it.
    public static let definition = ServiceDefinition(
        name: .assessment,
        migrations: { AssessmentMigrations.register(in: &$0) },
        eventHandlers: { context in
            let settings = AssessmentSettings.load(context)
            let notices = ReassessmentNotices(
                schedule: settings.schedule, county: context.settings.county, outbox: context.database.outbox)
            let visits = OnVisitRecorded(notices: notices, now: { context.clock.now() })
            var router = EventRouter()
            router.on(ChildRegistered.self) { db, envelope in
                try OnChildRegistered.handle(db, envelope, notices: notices, now: context.clock.now())
            }
            router.on(ChildUpdated.self, OnChildUpdated.handle)
            router.on(ChildExited.self, OnChildExited.handle)
            router.on(VisitRecorded.self, visits.handle)
            return router
        },
        routes: { router, context in
            let settings = AssessmentSettings.load(context)
            AssessmentRoutes(context: context, settings: settings).add(to: router)
            ChildListRoutes(context: context).add(to: router)
            CountyReportRoutes(context: context, settings: settings).add(to: router)
            GuardianshipRoutes(context: context).add(to: router)
        },
        sweeps: { context in [ReassessmentSweep.make(context, settings: AssessmentSettings.load(context))] },
        openAPIDocument: OpenAPIDocument.load(from: .module))
}
