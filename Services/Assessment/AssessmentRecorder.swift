import AssessmentDomain
import Foundation
import GRDB
import ShouhuEvents
import ShouhuService
import ShouhuStore

/// Records one assessment (评估) inside a write transaction: checks the child and the caller's
/// scope, rates the child under the county's rules, compares with the previous rating, stores
/// the assessment and the child's current rating, and appends `AssessmentRecorded` — and
/// `RiskEscalated` when the risk rose — to the outbox in the same transaction. Either all of it
/// is stored or none; the relay publishes afterwards, so a crash between commit and publish
/// loses nothing, and each event has one envelope id, so no consumer applies it twice.
public struct AssessmentRecorder: Sendable {
    /// The county's rules.
    public let settings: AssessmentSettings
    /// The deployment's county, for the envelopes.
    public let county: String
    /// The service's outbox, written in the same transaction.
    public let outbox: Outbox

    /// Makes a recorder.
    public init(settings: AssessmentSettings, county: String, outbox: Outbox) {
        self.settings = settings
        self.county = county
        self.outbox = outbox
    }

    /// The roles that may record an assessment, each within its scope.
    public static let assessors: Set<Role> = [.school, .village, .township, .countyOfficer]

    /// What a request to record produced.
    public struct Outcome: Sendable {
        /// The stored assessment.
        public var record: AssessmentRecord
        /// False when the request repeated an assessment id already stored (nothing new was
        /// written or emitted).
        public var created: Bool
    }

    /// Records an assessment.
    /// - Parameters:
    ///   - childId: the child.
    ///   - submission: what the assessor recorded.
    ///   - caller: who records it; must be allowed to see the child.
    ///   - now: the clock's instant; `today` in county time is the assessment's day.
    /// - Throws: `APIError` 404 for an unknown child, 403 outside the caller's scope, 409 for an
    ///   exited child or a stale `previousAssessmentId`, 400/422 for a bad body.
    public func record(
        _ db: Database, childId: String, submission: AssessmentSubmission, caller: Caller, now: Date
    ) throws -> Outcome {
        guard let child = try ChildProjection.load(db, childId: childId), child.isRegistered,
            let villageCode = child.villageCode, let relation = child.guardianRelation
        else {
            throw APIError.notFound("No registered child \(childId) is known to the assessment service.")
        }
        guard caller.mayRead(ChildPlace(villageCode: villageCode, schoolId: child.schoolId)) else {
            throw APIError.forbidden("Child \(childId) is outside your scope.")
        }
        let input = try submission.input(relation: relation)
        if let id = submission.assessmentId, let existing = try AssessmentRecord.find(db, assessmentId: id) {
            guard existing.childId == childId else {
                throw APIError.conflict(
                    "Assessment \(id) belongs to another child.", code: "duplicate_assessment_id", field: "assessmentId")
            }
            return Outcome(record: existing, created: false)
        }
        if let exit = child.exit {
            throw APIError.conflict(
                "Child \(childId) left the programme on \(exit.on) (\(exit.reason.rawValue)); no new assessment is recorded.",
                code: "child_exited")
        }
        let previous = try AssessmentRecord.latest(db, childId: childId)
        if let expected = submission.previousAssessmentId, expected != previous?.assessmentId {
            throw APIError.conflict(
                "The child's latest assessment is now \(previous?.assessmentId ?? "none"), not \(expected): "
                    + "read the child's risk again before recording.",
                code: "stale_assessment", field: "previousAssessmentId")
        }

        let rating = CareLevelCalculator.rate(input, policy: settings.care)
        let decision = Escalation.compare(
            previous: try previous?.rating(), current: rating, policy: settings.escalation)
        let assessmentId = submission.assessmentId ?? UUID().uuidString.lowercased()
        let today = CalendarDate(now)
        let recorded = Envelope(
            id: EventID.next(at: now), occurredAt: now, county: county,
            payload: AssessmentRecorded(
                childId: childId, assessmentId: assessmentId, guardianCategory: rating.guardianCategory.rawValue,
                harmLevel: rating.harmLevel?.rawValue, guardianRating: rating.guardianRating,
                dimensionScores: AssessmentRecorded.DimensionScores(
                    psychology: rating.scores.psychology, physicalHealth: rating.scores.physicalHealth,
                    studies: rating.scores.studies, guardianship: rating.scores.guardianship,
                    safetyAndLiving: rating.scores.safetyAndLiving),
                careLevel: rating.careLevel.rawValue, tier: rating.tier, assessedOn: today,
                assessorRole: submission.assessorTitle ?? caller.role.rawValue))
        var escalated: Envelope<RiskEscalated>?
        if decision.isEscalation {
            escalated = Envelope.caused(
                by: recorded.header, id: EventID.next(at: now), occurredAt: now,
                payload: RiskEscalated(
                    childId: childId, assessmentId: assessmentId, fromCareLevel: decision.fromCareLevel?.rawValue,
                    toCareLevel: decision.toCareLevel.rawValue, fromHarmLevel: decision.fromHarmLevel?.rawValue,
                    toHarmLevel: decision.toHarmLevel?.rawValue, reasons: decision.reasons.map(Self.eventLine)))
        }

        let record = AssessmentRecord(
            assessmentId: assessmentId, childId: childId, assessedOn: today, recordedAt: now,
            assessorRole: caller.role.rawValue, assessorTitle: submission.assessorTitle, input: input, rating: rating,
            decision: decision, previousAssessmentId: previous?.assessmentId, recordedEventId: recorded.id,
            escalatedEventId: escalated?.id, note: submission.note)
        try record.insert(db, assessorSubject: caller.subject)
        try db.cachedStatement(sql: """
            INSERT INTO risk (childId, assessmentId, assessedOn, guardianCategory, harmLevel, guardianRating, careLevel, tier)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (childId) DO UPDATE SET assessmentId = excluded.assessmentId, assessedOn = excluded.assessedOn,
                guardianCategory = excluded.guardianCategory, harmLevel = excluded.harmLevel,
                guardianRating = excluded.guardianRating, careLevel = excluded.careLevel, tier = excluded.tier
            """).execute(arguments: [
                childId, assessmentId, today.description, record.guardianCategory, record.harmLevel,
                record.guardianRating.rawValue, record.careLevel, record.tier.rawValue,
            ])
        // The incidents this assessment answers (one on or after the incident's day).
        try db.cachedStatement(sql: """
            UPDATE incident SET answeredBy = ? WHERE childId = ? AND answeredBy IS NULL AND occurredOn <= ?
            """).execute(arguments: [assessmentId, childId, today.description])
        try outbox.append(recorded, in: db)
        if let escalated { try outbox.append(escalated, in: db) }
        return Outcome(record: record, created: true)
    }

    /// A reason line as an event carries it: at most 200 characters (the contract's limit).
    static func eventLine(_ line: String) -> String {
        line.count <= 200 ? line : String(line.prefix(199)) + "…"
    }
}
