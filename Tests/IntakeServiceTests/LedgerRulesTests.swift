import Foundation
import IntakeDomain
import IntakeImport
import ShouhuEvents
import Testing

@testable import Intake

@Suite("Intake: the ledger's own rules, without a broker")
struct LedgerRulesTests {
    static let today = CalendarDate("2026-06-20")!

    static func file(_ change: (inout ChildFileInput) -> Void = { _ in }) throws -> ChildFile {
        var input = ChildFileInput(
            name: "王小明", gender: "male", birthDate: "2016-03-05", schoolStage: "primary", schoolId: "s1", grade: 4,
            className: "2班", villageCode: "520330101201", address: "青龙村",
            parents: [.init(role: "father", status: "working_away", place: "宁波", since: "2025-01-01"),
                      .init(role: "mother", status: "working_away", place: "宁波", since: "2025-01-01")],
            guardian: .init(relation: "grandparent", name: "王德福", phone: "13700137000", age: 66),
            familyFlags: ["orphan"])
        change(&input)
        return try ChildFileValidation.validate(input, registry: .xishui, today: today).get()
    }

    @Test("child.updated lists only the changed fields the event carries, in the event's order")
    func updatedEventCarriesOnlyChanges() throws {
        let old = try Self.file()
        #expect(try Self.file { $0.address = "新址"; $0.guardian?.age = 70 }.updatedEvent(childId: "c", from: old) == nil)
        let event = try #require(try Self.file {
            $0.familyFlags = []
            $0.className = nil
            $0.guardian?.phone = "13711112222"
        }.updatedEvent(childId: "c", from: old))
        #expect(event.changed == ["className", "guardian", "familyFlags"])
        #expect(event.className == nil)
        #expect(event.guardian?.phone == "13711112222")
        #expect(event.familyFlags == [])
        #expect(event.name == nil)
    }

    @Test("a PATCH overlay replaces present fields, clears nulls and keeps the rest")
    func overlay() {
        var file = ChildFileInput(name: "甲", gender: "male", className: "1班", address: "旧址")
        Ledger.overlay(ChildFileInput(name: "乙", address: "新址"), present: ["name", "className"], onto: &file)
        #expect(file.name == "乙")
        #expect(file.className == nil)
        #expect(file.address == "旧址")
        #expect(file.gender == "male")
    }

    @Test("the survey's deadlines: on track through the due day, overdue after, done when complete",
          arguments: [("2026-06-23", "on_track", 0), ("2026-06-24", "overdue", -1)])
    func surveyDeadlines(today: String, status: String, daysLeft: Int) {
        let progress = SurveyProgress(year: 2026, today: CalendarDate(today)!, villagesSurveyed: 3, villagesTotal: 4,
                                      townshipsDone: 2, townshipsTotal: 2, completeFiles: 10, activeChildren: 10)
        #expect(progress.milestones[0].status == status)
        #expect(progress.milestones[0].daysLeft == daysLeft)
        #expect(progress.milestones[1].status == "done")
        #expect(progress.milestones[2].status == "done")
        #expect(progress.milestones[3].status == "done")
        #expect(progress.milestones.map(\.due.description) == ["2026-06-23", "2026-06-25", "2026-06-30", "2026-07-15"])
    }

    @Test("an import row becomes the same input a form sends, and its fields name the form's paths")
    func ledgerRowInput() {
        let row = LedgerRow(rowNumber: 7, values: [
            .name: "张三", .gender: "female", .fatherStatus: "working_away", .fatherSince: "2025-01-31",
            .motherStatus: "deceased", .guardianRelation: "grandparent", .guardianAge: "70", .familyFlags: "orphan,single_parent",
            .health: "良好",
        ])
        let input = row.input
        #expect(input.parents?.map(\.role) == ["father", "mother"])
        #expect(input.parents?.first?.since == "2025-01-31")
        #expect(input.guardian?.age == 70)
        #expect(input.familyFlags == ["orphan", "single_parent"])
        #expect(input.healthStatus == "良好")
        #expect(LedgerRow(rowNumber: 1, values: [.name: "x"]).input.parents == nil)
        #expect(LedgerRow.inputPath(.motherSince) == "parents[1].since")
        #expect(LedgerRow.inputPath(.guardianPhone) == "guardian.phone")
    }

    @Test("family flags are kept so that a report counts one with instr")
    func flagsColumn() throws {
        #expect(try Self.file().flagsColumn == ",orphan,")
        #expect(try Self.file { $0.familyFlags = [] }.flagsColumn == ",")
        #expect(try Self.file { $0.familyFlags = ["single_parent", "orphan"] }.flagsColumn == ",single_parent,orphan,")
    }
}
