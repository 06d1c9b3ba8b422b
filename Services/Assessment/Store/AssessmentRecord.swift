import AssessmentDomain
import Foundation
import GRDB
import ShouhuEvents

/// One stored assessment as the API shows it: the ratings, the care level with the reasons for
/// it, and what changed since the one before.
public struct AssessmentRecord: Codable, Sendable, Equatable {
    public var assessmentId: String
    public var childId: String
    public var assessedOn: CalendarDate
    public var recordedAt: Date
    /// The assessor's role in the programme (`school`, `village`, …) and position, if given.
    public var assessorRole: String
    public var assessorTitle: String?
    /// The guardian relation the category was derived from.
    public var guardianRelation: GuardianRelation
    /// The category the relation implies, and the one the assessor recorded (the rules use it).
    public var derivedCategory: Int
    public var guardianCategory: Int
    public var categoryReason: String?
    public var harmLevel: Int?
    public var guardianRating: GuardianRating
    public var scores: AssessmentSubmission.Scores
    /// What the scores alone give, and the care level after the overrides.
    public var scoreLevel: Int
    public var careLevel: Int
    public var tier: CareTier
    /// The rules that decided the care level (`category_one`, `severe_harm`, `poor_guardian`,
    /// `moderate_harm_floor`, `scores`) and one line for each, Chinese first, English after.
    public var decidedBy: [String]
    public var reasons: [String]
    /// `escalated`, `deescalated`, `unchanged` or `baseline` (a first assessment below the alert
    /// line), and what changed, in words.
    public var outcome: String
    public var changeReasons: [String]
    public var previousAssessmentId: String?
    /// The envelope ids of the events this assessment emitted.
    public var recordedEventId: String
    public var escalatedEventId: String?
    public var note: String?

    /// The care rating this record holds, for comparing the next assessment with it.
    func rating() throws -> CareRating {
        CareRating(
            guardianCategory: GuardianCategory(rawValue: guardianCategory) ?? .noEntrustedGuardian,
            harmLevel: harmLevel.flatMap(HarmLevel.init(rawValue:)), guardianRating: guardianRating,
            scores: try DimensionScores(
                psychology: scores.psychology, physicalHealth: scores.physicalHealth, studies: scores.studies,
                guardianship: scores.guardianship, safetyAndLiving: scores.safetyAndLiving),
            scoreLevel: CareLevel(rawValue: scoreLevel) ?? .one, careLevel: CareLevel(rawValue: careLevel) ?? .one,
            decidedBy: decidedBy.compactMap(CareRule.init(rawValue:)), reasons: reasons)
    }

    private static let decoder = JSONDecoder()
    private static let encoder = JSONEncoder()

    /// Reads a row of the `assessment` table.
    init(row: Row) throws {
        assessmentId = row["assessmentId"]
        childId = row["childId"]
        assessedOn = try Self.date(row["assessedOn"])
        recordedAt = Date(timeIntervalSince1970: row["recordedAt"])
        assessorRole = row["assessorRole"]
        assessorTitle = row["assessorTitle"]
        guardianRelation = GuardianRelation(rawValue: row["guardianRelation"]) ?? .none
        derivedCategory = row["derivedCategory"]
        guardianCategory = row["guardianCategory"]
        categoryReason = row["categoryReason"]
        harmLevel = row["harmLevel"]
        guardianRating = GuardianRating(rawValue: row["guardianRating"]) ?? .fair
        scores = AssessmentSubmission.Scores(
            psychology: row["psychology"], physicalHealth: row["physicalHealth"], studies: row["studies"],
            guardianship: row["guardianship"], safetyAndLiving: row["safetyAndLiving"])
        scoreLevel = row["scoreLevel"]
        careLevel = row["careLevel"]
        tier = CareTier(rawValue: row["tier"]) ?? .general
        decidedBy = try Self.decoder.decode([String].self, from: Data((row["decidedBy"] as String).utf8))
        reasons = try Self.decoder.decode([String].self, from: Data((row["reasons"] as String).utf8))
        outcome = row["outcome"]
        changeReasons = try Self.decoder.decode([String].self, from: Data((row["changeReasons"] as String).utf8))
        previousAssessmentId = row["previousAssessmentId"]
        recordedEventId = row["recordedEventId"]
        escalatedEventId = row["escalatedEventId"]
        note = row["note"]
    }

    /// Makes a record from a rating just made.
    init(
        assessmentId: String, childId: String, assessedOn: CalendarDate, recordedAt: Date, assessorRole: String,
        assessorTitle: String?, input: AssessmentInput, rating: CareRating, decision: EscalationDecision,
        previousAssessmentId: String?, recordedEventId: String, escalatedEventId: String?, note: String?
    ) {
        self.assessmentId = assessmentId
        self.childId = childId
        self.assessedOn = assessedOn
        self.recordedAt = recordedAt
        self.assessorRole = assessorRole
        self.assessorTitle = assessorTitle
        guardianRelation = input.guardianCategory.relation
        derivedCategory = input.guardianCategory.derived.rawValue
        guardianCategory = input.guardianCategory.assessed.rawValue
        categoryReason = input.guardianCategory.reason
        harmLevel = rating.harmLevel?.rawValue
        guardianRating = rating.guardianRating
        let s = rating.scores
        scores = AssessmentSubmission.Scores(
            psychology: s.psychology, physicalHealth: s.physicalHealth, studies: s.studies,
            guardianship: s.guardianship, safetyAndLiving: s.safetyAndLiving)
        scoreLevel = rating.scoreLevel.rawValue
        careLevel = rating.careLevel.rawValue
        tier = rating.tier
        decidedBy = rating.decidedBy.map(\.rawValue)
        reasons = rating.reasons
        outcome = decision.outcome.rawValue
        changeReasons = decision.reasons
        self.previousAssessmentId = previousAssessmentId
        self.recordedEventId = recordedEventId
        self.escalatedEventId = escalatedEventId
        self.note = note
    }

    /// Inserts the record into `assessment`.
    func insert(_ db: Database, assessorSubject: String) throws {
        func json(_ lines: [String]) throws -> String { String(decoding: try Self.encoder.encode(lines), as: UTF8.self) }
        try db.cachedStatement(sql: """
            INSERT INTO assessment (assessmentId, childId, assessedOn, recordedAt, assessorSubject, assessorRole,
                assessorTitle, guardianRelation, derivedCategory, guardianCategory, categoryReason, harmLevel,
                guardianRating, psychology, physicalHealth, studies, guardianship, safetyAndLiving, scoreLevel,
                careLevel, tier, decidedBy, reasons, outcome, changeReasons, previousAssessmentId, recordedEventId,
                escalatedEventId, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                assessmentId, childId, assessedOn.description, recordedAt.timeIntervalSince1970, assessorSubject,
                assessorRole, assessorTitle, guardianRelation.rawValue, derivedCategory, guardianCategory,
                categoryReason, harmLevel, guardianRating.rawValue, scores.psychology, scores.physicalHealth,
                scores.studies, scores.guardianship, scores.safetyAndLiving, scoreLevel, careLevel, tier.rawValue,
                try json(decidedBy), try json(reasons), outcome, try json(changeReasons), previousAssessmentId,
                recordedEventId, escalatedEventId, note,
            ])
    }

    /// The child's latest assessment.
    static func latest(_ db: Database, childId: String) throws -> AssessmentRecord? {
        let statement = try db.cachedStatement(
            sql: "SELECT * FROM assessment WHERE childId = ? ORDER BY seq DESC LIMIT 1")
        return try Row.fetchOne(statement, arguments: [childId]).map(AssessmentRecord.init(row:))
    }

    /// One assessment by id.
    static func find(_ db: Database, assessmentId: String) throws -> AssessmentRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM assessment WHERE assessmentId = ?", arguments: [assessmentId])
            .map(AssessmentRecord.init(row:))
    }

    /// Every assessment of the child, newest first.
    static func history(_ db: Database, childId: String) throws -> [AssessmentRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM assessment WHERE childId = ? ORDER BY seq DESC", arguments: [childId])
            .map(AssessmentRecord.init(row:))
    }

    static func date(_ text: String) throws -> CalendarDate {
        guard let date = CalendarDate(text) else { throw DatabaseError(message: "bad date \(text) in the store") }
        return date
    }
}
