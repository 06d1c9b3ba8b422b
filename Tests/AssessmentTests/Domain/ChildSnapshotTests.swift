import AssessmentDomain
import Foundation
import ShouhuEvents
import Testing

extension AssessmentDomainTests {
    /// The projection of a child from intake's events ends the same whatever order they arrive
    /// in and however often.
    @Suite struct ChildSnapshotTests {
        enum Step: Sendable {
            case registered(ChildRegistered, EventStamp)
            case updated(ChildUpdated, EventStamp)
            case exited(ChildExited, EventStamp)
        }

        static let child = "0190b1a2-0000-7000-8000-000000000001"

        /// Registration, a guardian change, an exit and a late school change, in that order in time.
        static let story: [Step] = {
            let t0 = Date(timeIntervalSince1970: 1_780_000_000)
            func stamp(_ seconds: Double, _ n: Int) -> EventStamp {
                EventStamp(occurredAt: t0 + seconds, id: "0190b1a2-0000-7000-8000-00000000001\(n)")
            }
            return [
                .registered(
                    ChildRegistered(
                        childId: child, name: "王小明", gender: .male, birthDate: CalendarDate("2015-03-02")!,
                        schoolStage: .primary, schoolId: "school-a", villageCode: "520330100001",
                        guardian: .init(relation: .grandparent, name: "王奶奶"), parents: [], familyFlags: [],
                        registeredOn: CalendarDate("2026-03-01")!), stamp(0, 1)),
                .updated(ChildUpdated(childId: child, changed: [.guardian], guardian: .init(relation: .none)), stamp(60, 2)),
                .exited(ChildExited(childId: child, reason: .movedAway, on: CalendarDate("2026-10-01")!), stamp(120, 3)),
                .updated(
                    ChildUpdated(childId: child, changed: [.schoolId, .schoolStage], schoolStage: .notInSchool),
                    stamp(180, 4)),
            ]
        }()

        static func replay(_ steps: [Step]) -> ChildSnapshot {
            var snapshot = ChildSnapshot(childId: child)
            for step in steps {
                switch step {
                case .registered(let event, let stamp): snapshot.apply(event, stamp: stamp)
                case .updated(let event, let stamp): snapshot.apply(event, stamp: stamp)
                case .exited(let event, let stamp): snapshot.apply(event, stamp: stamp)
                }
            }
            return snapshot
        }

        static func permutations<T>(_ items: [T]) -> [[T]] {
            guard items.count > 1 else { return [items] }
            return items.indices.flatMap { index in
                var rest = items
                let first = rest.remove(at: index)
                return permutations(rest).map { [first] + $0 }
            }
        }

        @Test func inOrderGivesTheLatestOfEachField() {
            let snapshot = Self.replay(Self.story)
            #expect(snapshot.isRegistered && snapshot.hasExited)
            #expect(snapshot.guardianRelation == GuardianRelation.none)
            #expect(snapshot.schoolId == nil && snapshot.schoolStage == .notInSchool)
            #expect(snapshot.name == "王小明" && snapshot.townshipCode == "520330100")
        }

        @Test func everyOrderAndEveryRepeatEndsTheSame() {
            let expected = Self.replay(Self.story)
            let orders = Self.permutations(Self.story)
            #expect(orders.count == 24)
            for order in orders {
                #expect(Self.replay(order) == expected)
                #expect(Self.replay(order + order.reversed()) == expected, "repeats change nothing")
            }
        }

        @Test func anUpdateAloneIsNotARegistration() {
            let snapshot = Self.replay([Self.story[1]])
            #expect(!snapshot.isRegistered)
            #expect(snapshot.guardianRelation == GuardianRelation.none)
            #expect(snapshot.villageCode == nil)
        }
    }

    /// County settings written as text, and when a due reassessment is overdue.
    @Suite struct SettingTextTests {
        @Test func sumThresholds() throws {
            #expect(try SettingText.sumThresholds("8, 12,16") == .standard)
            #expect(try SettingText.sumThresholds("8,12") == nil)
            #expect(throws: AssessmentRuleError.self) { try SettingText.sumThresholds("12,8,16") }
        }

        @Test func terms() throws {
            let schedule = try #require(try SettingText.terms("春季学期=02-20..07-10;秋季学期=09-01..01-20"))
            #expect(schedule.currentTerm(on: day("2026-11-24")).startsOn == day("2026-09-01"))
            #expect(try SettingText.terms("春季学期=02-30..07-10") == nil)
            #expect(try SettingText.terms("春季学期 02-20..07-10") == nil)
            #expect(throws: AssessmentRuleError.self) { try SettingText.terms("a=02-20..07-10;b=07-01..08-01") }
        }

        @Test func overdueAfterTheGraceDays() throws {
            let schedule = ReassessmentSchedule.standard
            let term = try #require(schedule.need(lastAssessedOn: nil, today: day("2026-09-20")))
            #expect(term.why == .term && term.dueOn == day("2026-09-01"))
            #expect(!OverduePolicy.standard.isOverdue(term, today: day("2026-10-01")))
            #expect(OverduePolicy.standard.isOverdue(term, today: day("2026-10-02")))
            let incident = try #require(
                schedule.need(lastAssessedOn: day("2026-09-05"), today: day("2026-09-20"), lastIncidentOn: day("2026-09-10")))
            #expect(incident.why == .incident)
            #expect(OverduePolicy.standard.isOverdue(incident, today: day("2026-09-18")))
            #expect(!OverduePolicy(incidentGraceDays: 10).isOverdue(incident, today: day("2026-09-18")))
        }

        @Test func aChildRegisteredMidTermIsDueFromRegistration() throws {
            let need = try #require(
                ReassessmentSchedule.standard.need(
                    lastAssessedOn: nil, today: day("2026-11-24"), registeredOn: day("2026-11-02")))
            #expect(need.dueOn == day("2026-11-02"))
        }
    }
}
