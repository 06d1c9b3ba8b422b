import AssessmentDomain
import Foundation
import Hummingbird
import ShouhuEvents
import ShouhuService

/// `POST /children/{id}/assessments` (record one) and `GET /children/{id}/risk` (the child's
/// current ratings, care level, reasons, reassessment status and history).
struct AssessmentRoutes {
    let context: ServiceContext
    let settings: AssessmentSettings

    /// Who may read a child's risk: the county roles, and township, village and school users
    /// within their scope. Mentors read their children through mentoring.
    static let readers: Set<Role> = [.admin, .countyOfficer, .auditor, .township, .village, .school]

    func add(to router: Router<ShouhuRequestContext>) {
        let recorder = AssessmentRecorder(
            settings: settings, county: context.settings.county, outbox: context.database.outbox)
        let context = self.context, settings = self.settings

        router.post("/children/{id}/assessments") { request, requestContext in
            let caller = try requestContext.requireCaller(AssessmentRecorder.assessors)
            let childId = try Self.childId(requestContext)
            let submission = try await request.decodeJSON(as: AssessmentSubmission.self, context: requestContext)
            let now = context.clock.now()
            let outcome = try await context.database.pool.write { db in
                try recorder.record(db, childId: childId, submission: submission, caller: caller, now: now)
            }
            return EditedResponse(status: outcome.created ? .created : .ok, response: outcome.record)
        }

        router.get("/children/{id}/risk") { _, requestContext in
            let caller = try requestContext.requireCaller(Self.readers)
            let childId = try Self.childId(requestContext)
            let today = context.clock.today()
            return try await context.database.pool.read { db in
                guard let snapshot = try ChildProjection.load(db, childId: childId), snapshot.isRegistered,
                    let villageCode = snapshot.villageCode
                else { throw APIError.notFound("No registered child \(childId) is known to the assessment service.") }
                guard caller.mayRead(ChildPlace(villageCode: villageCode, schoolId: snapshot.schoolId)) else {
                    throw APIError.forbidden("Child \(childId) is outside your scope.")
                }
                return try RiskView.load(db, snapshot: snapshot, today: today, settings: settings)
            }
        }
    }

    /// The `{id}` of the path, checked.
    static func childId(_ context: ShouhuRequestContext) throws -> String {
        let id = try context.parameters.require("id")
        guard FieldFormat.isLowercaseUUID(id) else {
            throw APIError.badRequest("The child id must be a lowercase UUID.", code: "invalid_child_id", field: "id")
        }
        return id
    }
}

extension AssessmentRecord: ResponseEncodable {}
