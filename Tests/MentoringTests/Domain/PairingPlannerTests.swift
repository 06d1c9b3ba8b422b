import MentoringDomain
import ShouhuEvents
import Testing

extension MentoringDomainTests {
    @Suite("Auto-pairing: two-on-one, capacity, nobody available, deactivated mentors")
    struct PairingPlannerTests {
        let village = "520330100001"
        let otherVillage = "520330100002"
        let otherTownship = "520330200001"

        func child(_ tier: CareTier, school: String? = "school-1") -> PairingPlanner.Child {
            PairingPlanner.Child(tier: tier, schoolId: school, villageCode: village)
        }

        @Test("a key-tier child gets one teacher of the school and one cadre of the township")
        func twoOnOne() {
            let teacher = MentorCandidate(id: mentorID(1), role: .teacher, schoolId: "school-1", capacity: 2)
            let cadre = MentorCandidate(id: mentorID(2), role: .cadre, divisionCode: "520330100", capacity: 2)
            let plan = PairingPlanner.plan(for: child(.key), current: [], candidates: [cadre, teacher])
            #expect(plan.assignments.map(\.id) == [teacher.id, cadre.id])
            #expect(plan.unmet.isEmpty)
            #expect(PairingPlanner.kind(of: plan.assignments.map(\.role)) == .twoOnOne)
        }

        @Test("a key-tier child who has a teacher gets only the missing cadre")
        func fillsOnlyWhatIsMissing() {
            let teacher = MentorCandidate(id: mentorID(1), role: .teacher, schoolId: "school-1", capacity: 2)
            let cadre = MentorCandidate(id: mentorID(2), role: .cadre, divisionCode: village, capacity: 2)
            let plan = PairingPlanner.plan(
                for: child(.key), current: [.teacher], currentIds: [mentorID(9)], candidates: [teacher, cadre])
            #expect(plan.assignments.map(\.id) == [cadre.id])
        }

        @Test("a mentor at capacity is passed over for one with room; with none, the need is unmet")
        func capacity() {
            let full = MentorCandidate(id: mentorID(1), role: .teacher, schoolId: "school-1", caseload: 2, capacity: 2)
            let roomy = MentorCandidate(id: mentorID(2), role: .teacher, schoolId: "school-1", caseload: 1, capacity: 2)
            #expect(PairingPlanner.plan(for: child(.general), current: [], candidates: [full, roomy]).assignments.map(\.id) == [roomy.id])
            let plan = PairingPlanner.plan(for: child(.general), current: [], candidates: [full])
            #expect(plan.assignments.isEmpty)
            #expect(plan.unmet == [.anyMentor])
        }

        @Test("with nobody in the school or township, a key child's needs are both unmet, never silently")
        func nobodyAvailable() {
            let elsewhere = MentorCandidate(id: mentorID(1), role: .cadre, divisionCode: otherTownship, capacity: 2)
            let otherSchool = MentorCandidate(id: mentorID(2), role: .teacher, schoolId: "school-2", capacity: 2)
            let plan = PairingPlanner.plan(for: child(.key), current: [], candidates: [elsewhere, otherSchool])
            #expect(plan.assignments.isEmpty)
            #expect(plan.unmet == [.teacher, .cadre])
        }

        @Test("a deactivated mentor is never picked, nor one excluded after being unpaired by hand")
        func deactivatedAndExcluded() {
            let gone = MentorCandidate(id: mentorID(1), role: .teacher, schoolId: "school-1", capacity: 2, active: false)
            let excluded = MentorCandidate(id: mentorID(2), role: .teacher, schoolId: "school-1", capacity: 2)
            let plan = PairingPlanner.plan(for: child(.general), current: [], candidates: [gone, excluded], excluding: [excluded.id])
            #expect(plan.assignments.isEmpty)
            #expect(plan.unmet == [.anyMentor])
        }

        @Test("the closest mentor wins: the village's cadre before the township's, then the smaller caseload")
        func closenessThenCaseload() {
            let township = MentorCandidate(id: mentorID(1), role: .cadre, divisionCode: "520330100", capacity: 5)
            let neighbour = MentorCandidate(id: mentorID(2), role: .cadre, divisionCode: otherVillage, capacity: 5)
            let busyLocal = MentorCandidate(id: mentorID(3), role: .cadre, divisionCode: village, caseload: 3, capacity: 5)
            let idleLocal = MentorCandidate(id: mentorID(4), role: .cadre, divisionCode: village, caseload: 0, capacity: 5)
            let plan = PairingPlanner.plan(
                for: child(.key), current: [.teacher], candidates: [township, neighbour, busyLocal, idleLocal])
            #expect(plan.assignments.map(\.id) == [idleLocal.id])
            let withoutLocal = PairingPlanner.plan(for: child(.key), current: [.teacher], candidates: [neighbour, township])
            #expect(withoutLocal.assignments.map(\.id) == [township.id])
        }

        @Test("a general child at school gets a teacher of the school first, else a local cadre or volunteer")
        func generalPrefersTheSchool() {
            let volunteer = MentorCandidate(id: mentorID(1), role: .volunteer, divisionCode: village, capacity: 2)
            let teacher = MentorCandidate(id: mentorID(2), role: .teacher, schoolId: "school-1", capacity: 2)
            let foreignTeacher = MentorCandidate(id: mentorID(3), role: .teacher, schoolId: "school-9", divisionCode: village, capacity: 2)
            #expect(PairingPlanner.plan(for: child(.general), current: [], candidates: [volunteer, teacher]).assignments.map(\.id) == [teacher.id])
            #expect(PairingPlanner.plan(for: child(.general), current: [], candidates: [foreignTeacher, volunteer]).assignments.map(\.id) == [volunteer.id])
            #expect(PairingPlanner.plan(for: child(.general), current: [.volunteer], candidates: [teacher]).assignments.isEmpty)
        }

        @Test("one mentor is one-on-one, a cadre and a teacher two-on-one, anything else many-on-one")
        func kinds() {
            #expect(PairingPlanner.kind(of: [.teacher]) == .oneOnOne)
            #expect(PairingPlanner.kind(of: [.cadre, .teacher]) == .twoOnOne)
            #expect(PairingPlanner.kind(of: [.teacher, .teacher]) == .manyOnOne)
            #expect(PairingPlanner.kind(of: [.teacher, .cadre, .volunteer]) == .manyOnOne)
        }
    }
}
