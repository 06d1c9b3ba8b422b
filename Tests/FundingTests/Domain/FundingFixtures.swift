import FundingDomain
import ShouhuEvents

/// Children and policies for the rule tests.
enum FundingFixtures {
    static let today = CalendarDate("2026-09-10")!
    static let autumn = DisbursementPeriod("2026-S2")!

    /// A registered child at `stage` with `flags`, born so they are 10 on `today`.
    static func child(
        _ id: Int, stage: SchoolStage = .primary, flags: Set<FamilyFlag> = [.singleParent], tier: CareTier? = nil,
        birthDate: CalendarDate = CalendarDate("2016-03-01")!
    ) -> FundingChild {
        var child = FundingChild(childId: childId(id))
        child.isRegistered = true
        child.name = "儿童\(id)"
        child.birthDate = birthDate
        child.schoolStage = stage
        child.schoolId = stage == .preschool ? nil : "S001"
        child.villageCode = "520330100001"
        child.guardianName = "祖母\(id)"
        child.familyFlags = flags
        child.registeredOn = CalendarDate("2026-03-01")!
        child.tier = tier
        return child
    }

    /// A stable lowercase UUID for a number.
    static func childId(_ id: Int) -> String {
        let hex = String(id, radix: 16)
        return "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - hex.count) + hex
    }

    static func budget(leftFen: Int64, year: Int = 2026) -> BudgetStatus {
        BudgetStatus(year: year, budgetFen: leftFen, paidFen: 0, committedFen: 0)
    }
}
