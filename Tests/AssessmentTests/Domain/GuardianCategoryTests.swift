import AssessmentDomain
import ShouhuEvents
import Testing

extension AssessmentDomainTests {
    @Suite struct GuardianCategoryTests {
        @Test(arguments: [
            (GuardianRelation.none, GuardianCategory.noEntrustedGuardian),
            (.designated, .noEntrustedGuardian),
            (.parent, .noEntrustedGuardian),
            (.otherRelative, .otherRelative),
            (.grandparent, .grandparent),
        ])
        func derivesCategoryFromRelation(relation: GuardianRelation, expected: GuardianCategory) {
            #expect(GuardianCategory.derive(from: relation) == expected)
        }

        @Test func rawValuesAreTheSeedNumbers() {
            #expect(GuardianCategory.allCases.map(\.rawValue) == [1, 2, 3])
            #expect(GuardianCategory.noEntrustedGuardian.chineseName == "一类")
            #expect(GuardianCategory.grandparent.definition.contains("祖父母、外祖父母为监护人"))
        }

        @Test func confirmingKeepsTheDerivedCategory() {
            let found = GuardianCategoryAssessment.confirmed(.grandparent)
            #expect(found.derived == .grandparent)
            #expect(found.assessed == .grandparent)
            #expect(!found.isOverridden)
            #expect(found.reason == nil)
        }

        @Test func overrideWithReasonKeepsBothCategories() throws {
            let found = try GuardianCategoryAssessment(
                relation: .parent, assessed: .grandparent,
                reason: "  母亲重病，外婆每日照料  ")
            #expect(found.derived == .noEntrustedGuardian)
            #expect(found.assessed == .grandparent)
            #expect(found.isOverridden)
            #expect(found.reason == "母亲重病，外婆每日照料")
        }

        @Test(arguments: [nil, "", "   \n"])
        func overrideWithoutReasonIsRefused(reason: String?) {
            #expect(
                throws: AssessmentRuleError.overrideReasonMissing(
                    derived: .otherRelative, assessed: .noEntrustedGuardian)
            ) {
                try GuardianCategoryAssessment(
                    relation: .otherRelative, assessed: .noEntrustedGuardian, reason: reason)
            }
        }

        @Test func assessingTheDerivedCategoryNeedsNoReason() throws {
            let found = try GuardianCategoryAssessment(
                relation: .designated, assessed: .noEntrustedGuardian)
            #expect(!found.isOverridden)
        }
    }
}
