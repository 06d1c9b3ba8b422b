import AssessmentDomain
import ShouhuEvents
import ShouhuService

/// The body of `POST /children/{id}/assessments`: what the assessor recorded.
public struct AssessmentSubmission: Codable, Sendable {
    /// The five dimension scores, each 1 (no concern) to 4 (severe concern).
    public struct Scores: Codable, Sendable, Equatable {
        public var psychology: Int
        public var physicalHealth: Int
        public var studies: Int
        public var guardianship: Int
        public var safetyAndLiving: Int

        /// Makes the scores.
        public init(psychology: Int, physicalHealth: Int, studies: Int, guardianship: Int, safetyAndLiving: Int) {
            self.psychology = psychology
            self.physicalHealth = physicalHealth
            self.studies = studies
            self.guardianship = guardianship
            self.safetyAndLiving = safetyAndLiving
        }
    }

    /// A lowercase UUID chosen by the client, so that a retried request records nothing twice;
    /// a fresh one when absent.
    public var assessmentId: String?
    /// The assessment the assessor saw as the child's latest (from `GET /children/{id}/risk`);
    /// when given and no longer the latest, the request is refused with 409 so that two
    /// assessors do not rate the child over each other unawares.
    public var previousAssessmentId: String?
    /// The guardian category (被监护人类型) the assessor settled on, 1–3; the derived one when
    /// absent.
    public var guardianCategory: Int?
    /// Why the category differs from the derived one; required then.
    public var categoryReason: String?
    /// Harm level (等级) 1–4, absent or null for none.
    public var harmLevel: Int?
    /// The guardian rating (委托监护人评估).
    public var guardianRating: GuardianRating
    /// The five dimension scores (心级五方面).
    public var scores: Scores
    /// The assessor's position (`class_teacher`, `psychology_teacher`, `village_cadre`), optional.
    public var assessorTitle: String?
    /// A remark, up to 500 characters.
    public var note: String?

    /// Makes a submission.
    public init(
        assessmentId: String? = nil, previousAssessmentId: String? = nil, guardianCategory: Int? = nil,
        categoryReason: String? = nil, harmLevel: Int? = nil, guardianRating: GuardianRating, scores: Scores,
        assessorTitle: String? = nil, note: String? = nil
    ) {
        self.assessmentId = assessmentId
        self.previousAssessmentId = previousAssessmentId
        self.guardianCategory = guardianCategory
        self.categoryReason = categoryReason
        self.harmLevel = harmLevel
        self.guardianRating = guardianRating
        self.scores = scores
        self.assessorTitle = assessorTitle
        self.note = note
    }

    /// Checks the formats and ranges and builds the rules' input for a child whose guardian has
    /// `relation`.
    /// - Throws: 400 `invalid_body` naming the field out of range or malformed; 422
    ///   `category_reason_required` when the category is overridden without a reason.
    func input(relation: GuardianRelation) throws(APIError) -> AssessmentInput {
        if let assessmentId, !FieldFormat.isLowercaseUUID(assessmentId) {
            throw .badRequest("`assessmentId` must be a lowercase UUID.", code: "invalid_body", field: "assessmentId")
        }
        if let previousAssessmentId, !FieldFormat.isLowercaseUUID(previousAssessmentId) {
            throw .badRequest(
                "`previousAssessmentId` must be a lowercase UUID.", code: "invalid_body", field: "previousAssessmentId")
        }
        if let assessorTitle, !FieldFormat.isText(assessorTitle, maxLength: 50) {
            throw .badRequest(
                "`assessorTitle` must be text of at most 50 characters.", code: "invalid_body", field: "assessorTitle")
        }
        if let note, !FieldFormat.isText(note, maxLength: 500, allowingNewlines: true) {
            throw .badRequest("`note` must be text of at most 500 characters.", code: "invalid_body", field: "note")
        }
        if let categoryReason, !FieldFormat.isText(categoryReason, maxLength: 200, allowingNewlines: true) {
            throw .badRequest(
                "`categoryReason` must be text of at most 200 characters.", code: "invalid_body", field: "categoryReason")
        }
        var harm: HarmLevel?
        if let harmLevel {
            guard let level = HarmLevel(rawValue: harmLevel) else {
                throw .badRequest(
                    "`harmLevel` must be 1 to 4 (1 is the most severe), or null for none.", code: "invalid_body",
                    field: "harmLevel")
            }
            harm = level
        }
        let pairs: [(CareDimension, Int)] = [
            (.psychology, scores.psychology), (.physicalHealth, scores.physicalHealth), (.studies, scores.studies),
            (.guardianship, scores.guardianship), (.safetyAndLiving, scores.safetyAndLiving),
        ]
        for (dimension, score) in pairs where !DimensionScores.allowedRange.contains(score) {
            throw .badRequest(
                AssessmentRuleError.scoreOutOfRange(dimension: dimension, score: score).description,
                code: "invalid_body", field: "scores.\(dimension.rawValue)")
        }
        let dimensionScores: DimensionScores
        do {
            dimensionScores = try DimensionScores(
                psychology: scores.psychology, physicalHealth: scores.physicalHealth, studies: scores.studies,
                guardianship: scores.guardianship, safetyAndLiving: scores.safetyAndLiving)
        } catch {
            throw .badRequest("\(error)", code: "invalid_body", field: "scores")
        }
        let category: GuardianCategoryAssessment
        if let chosen = guardianCategory {
            guard let assessed = GuardianCategory(rawValue: chosen) else {
                throw .badRequest("`guardianCategory` must be 1, 2 or 3.", code: "invalid_body", field: "guardianCategory")
            }
            do {
                category = try GuardianCategoryAssessment(relation: relation, assessed: assessed, reason: categoryReason)
            } catch {
                throw .unprocessable("\(error)", code: "category_reason_required", field: "categoryReason")
            }
        } else {
            category = .confirmed(relation, note: categoryReason)
        }
        return AssessmentInput(
            guardianCategory: category, harmLevel: harm, guardianRating: guardianRating, scores: dimensionScores)
    }
}
