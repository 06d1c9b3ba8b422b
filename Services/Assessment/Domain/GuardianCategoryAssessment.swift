import Foundation
import ShouhuEvents

/// The guardian category (被监护人类型) as recorded on one assessment: the category derived from
/// the guardian's relation and the one the assessor settled on. Both are kept, so a later reader
/// can see that an officer overrode the rule and why.
public struct GuardianCategoryAssessment: Sendable, Hashable {
    /// The guardian's relation the category was derived from.
    public let relation: GuardianRelation
    /// What `GuardianCategory.derive(from:)` gives for the relation.
    public let derived: GuardianCategory
    /// What the assessor recorded; the care rules use this one.
    public let assessed: GuardianCategory
    /// The assessor's reason; required when `assessed` differs from `derived`, trimmed, never
    /// empty.
    public let reason: String?

    /// Whether the assessor chose a category other than the derived one.
    public var isOverridden: Bool { assessed != derived }

    /// The assessor confirms the derived category, optionally with a note.
    public static func confirmed(_ relation: GuardianRelation, note: String? = nil)
        -> GuardianCategoryAssessment
    {
        let derived = GuardianCategory.derive(from: relation)
        return GuardianCategoryAssessment(
            relation: relation, derived: derived, assessed: derived, reason: cleaned(note))
    }

    /// Records the assessor's category for a relation.
    ///
    /// - Parameters:
    ///   - relation: the guardian's relation (监护人与儿童关系).
    ///   - assessed: the category the assessor settled on.
    ///   - reason: why, when it differs from the derived category.
    /// - Throws: `AssessmentRuleError.overrideReasonMissing` when the category differs from the
    ///   derived one and the reason is missing or blank.
    public init(relation: GuardianRelation, assessed: GuardianCategory, reason: String? = nil)
        throws
    {
        let derived = GuardianCategory.derive(from: relation)
        let reason = Self.cleaned(reason)
        if assessed != derived, reason == nil {
            throw AssessmentRuleError.overrideReasonMissing(derived: derived, assessed: assessed)
        }
        self.init(relation: relation, derived: derived, assessed: assessed, reason: reason)
    }

    private init(
        relation: GuardianRelation, derived: GuardianCategory, assessed: GuardianCategory,
        reason: String?
    ) {
        self.relation = relation
        self.derived = derived
        self.assessed = assessed
        self.reason = reason
    }

    private static func cleaned(_ text: String?) -> String? {
        guard let text else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
