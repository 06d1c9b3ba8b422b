import Foundation
import FundingDomain
import ShouhuEvents
import Testing

@Suite("The projection of children under repeated and reordered events")
struct FundingChildTests {
    static let id = FundingFixtures.childId(1)
    static let registered = ChildRegistered(
        childId: id, name: "张小明", gender: .male, birthDate: CalendarDate("2015-05-01")!, schoolStage: .primary, schoolId: "S001",
        villageCode: "520330100001", guardian: .init(relation: .grandparent, name: "张奶奶"),
        parents: [.init(role: .father, status: .workingAway), .init(role: .mother, status: .disabledOrIll)],
        familyFlags: [.minimumAllowance], registeredOn: CalendarDate("2026-03-01")!)

    @Test("an update that arrives before the registration keeps its newer value")
    func updateBeforeRegistration() {
        var child = FundingChild(childId: Self.id)
        child.apply(ChildUpdated(childId: Self.id, changed: [.schoolStage, .schoolId], schoolStage: .juniorHigh, schoolId: "S002"), at: 2_000)
        #expect(!child.isRegistered)
        child.apply(Self.registered, at: 1_000)
        #expect(child.isRegistered)
        #expect(child.schoolStage == .juniorHigh)
        #expect(child.schoolId == "S002")
        #expect(child.name == "张小明")
        #expect(child.hasIncapableParent)
        #expect(child.townshipCode == "520330100")
    }

    @Test("the same events applied twice give the same child")
    func idempotent() {
        var once = FundingChild(childId: Self.id)
        once.apply(Self.registered, at: 1_000)
        var twice = once
        twice.apply(Self.registered, at: 1_000)
        #expect(once == twice)
    }

    @Test("an older assessment does not replace a newer tier; the first exit stands")
    func tierAndExit() {
        var child = FundingChild(childId: Self.id)
        let scores = AssessmentRecorded.DimensionScores(psychology: 1, physicalHealth: 1, studies: 1, guardianship: 1, safetyAndLiving: 1)
        func assessment(_ tier: CareTier, _ day: String) -> AssessmentRecorded {
            AssessmentRecorded(childId: Self.id, assessmentId: FundingFixtures.childId(9), guardianCategory: 3, harmLevel: nil,
                               guardianRating: .good, dimensionScores: scores, careLevel: tier == .key ? 4 : 1, tier: tier,
                               assessedOn: CalendarDate(day)!)
        }
        child.apply(assessment(.key, "2026-09-01"), at: 2_000)
        child.apply(assessment(.general, "2026-08-01"), at: 3_000)
        #expect(child.tier == .key)
        child.apply(ChildExited(childId: Self.id, reason: .movedAway, on: CalendarDate("2026-09-05")!))
        child.apply(ChildExited(childId: Self.id, reason: .other, on: CalendarDate("2026-10-05")!))
        #expect(child.exitedOn == CalendarDate("2026-09-05"))
        #expect(child.exitReason == .movedAway)
    }
}
