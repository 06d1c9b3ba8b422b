import Foundation
import IntakeDomain
import ShouhuEvents
@testable import ShouhuOperator
import Testing

/// The demo county must be one intake accepts whole, the same on every run, and varied enough to
/// show what the system does (key-tier children, children without a guardian, ill parents).
@Suite("Demo county")
struct DemoCountyTests {
    let today = CalendarDate("2026-11-24")!
    let county = DemoCounty.make(childCount: 300, today: CalendarDate("2026-11-24")!)

    @Test("every generated child passes intake's validation and the left-behind definition")
    func everyChildIsAccepted() throws {
        let registry = try DivisionRegistry.xishui.loadingVillages(csv: Data(county.villagesCSV.utf8))
        for child in county.children {
            switch ChildFileValidation.validate(child.file, registry: registry, today: today) {
            case .failure(let problems):
                Issue.record("\(child.file.name ?? "?"): \(problems)")
            case .success(let file):
                let eligibility = LeftBehindDefinition.evaluate(birthDate: file.birthDate, parents: file.parents.map(\.situation),
                                                                on: today)
                #expect(eligibility == .eligible, "\(file.name): \(eligibility)")
            }
        }
        #expect(county.children.count == 300)
    }

    @Test("ID numbers are valid GB 11643 numbers, agree with the birth date, and are all different")
    func idNumbers() throws {
        var seen = Set<String>()
        for child in county.children {
            let text = try #require(child.file.idNumber)
            let number = try ResidentIDNumber(text, today: today)
            #expect(number.agrees(withBirthDate: CalendarDate(child.file.birthDate ?? "")!))
            seen.insert(text)
        }
        #expect(seen.count == county.children.count)
    }

    @Test("the same seed gives the same county; villages sit under the real townships and say they are demo data")
    func deterministicAndMarked() {
        let again = DemoCounty.make(childCount: 300, today: today)
        #expect(again.children.map(\.file) == county.children.map(\.file))
        #expect(Set(county.villages.map(\.townshipCode)) == Set(Xishui.townships.map(\.code)))
        #expect(county.villages.allSatisfy { $0.code.hasPrefix($0.townshipCode) && $0.code.count == 12 && $0.name.contains("示范") })
        #expect(county.schools.allSatisfy { $0.name.contains("示范") })
    }

    @Test("the circumstances vary: no guardian, designated guardians, ill parents, poor ratings")
    func varied() {
        let relations = Set(county.children.compactMap(\.file.guardian?.relation))
        #expect(relations.isSuperset(of: ["grandparent", "other_relative", "designated", "none"]))
        #expect(county.children.contains { $0.file.familyFlags?.contains("parent_disabled_or_ill") == true })
        #expect(county.children.contains { $0.assessment.guardianRating == "poor" })
        #expect(Set(county.mentors.map(\.role)) == ["teacher", "cadre"])
    }

    @Test("children go to school near home, and every school and township has mentors with room")
    func schoolsNearHomeAndMentorsEnough() {
        let schools = Dictionary(uniqueKeysWithValues: county.schools.map { ($0.id, $0) })
        let order = Xishui.townships.map(\.code)
        for child in county.children {
            let school = schools[child.file.schoolId ?? ""]
            let home = order.firstIndex { child.file.villageCode?.hasPrefix($0) == true } ?? -1
            guard let school, let there = order.firstIndex(of: school.townshipCode) else {
                Issue.record("\(child.file.name ?? "?") has no demo school"); continue
            }
            switch school.stage {
            case .primary: #expect(there == home, "\(school.name) is not in the pupil's township")
            case .juniorHigh: #expect(there == home - home % 2, "\(school.name) is not in the pupil's township or the next")
            default: break
            }
        }
        let teachers = Dictionary(grouping: county.mentors.compactMap(\.schoolId), by: { $0 })
        #expect(county.schools.allSatisfy { (teachers[$0.id]?.count ?? 0) >= 5 })
        let cadres = Dictionary(grouping: county.mentors.compactMap(\.divisionCode), by: { $0 })
        #expect(order.allSatisfy { (cadres[$0]?.count ?? 0) >= 5 })
    }

    @Test("every load in a year generates the same county, across the county's midnight")
    func sameCountyAllYear() {
        let lateEvening = DemoCounty.referenceDate(for: CalendarDate("2026-11-24")!)
        let afterMidnight = DemoCounty.referenceDate(for: CalendarDate("2026-11-25")!)
        #expect(lateEvening == afterMidnight)
        #expect(DemoCounty.make(childCount: 20, today: lateEvening).children.map(\.file)
                == DemoCounty.make(childCount: 20, today: afterMidnight).children.map(\.file))
    }

    @Test("demo assessment ids are stable lowercase UUIDs, different per child")
    func assessmentIds() {
        let a = DemoIDs.uuid(from: "demo-assessment-1"), b = DemoIDs.uuid(from: "demo-assessment-2")
        #expect(a == DemoIDs.uuid(from: "demo-assessment-1"))
        #expect(a != b)
        #expect(FieldFormat.isLowercaseUUID(a), "\(a)")
    }
}
