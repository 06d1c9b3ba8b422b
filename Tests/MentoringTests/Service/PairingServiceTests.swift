import Foundation
import GRDB
import Mentoring
import ShouhuEvents
import ShouhuService
import ShouhuServiceTestSupport
import ShouhuTestSupport
import Testing

@Suite("Mentoring pairing against the real broker", .serialized)
struct PairingServiceTests {
    @Test("a key-tier assessment yields two mentor.assigned: a teacher and a cadre, two-on-one")
    func keyTierAssessmentYieldsTwoOnOne() async throws {
        try await ServiceHarness.run(MentoringService.definition, environment: Fixture.environment) { service in
            let listener = try service.listen(as: .notification)
            let teacher = try await Fixture.registerMentor(service, role: .teacher, school: Fixture.school)
            let cadre = try await Fixture.registerMentor(service, role: .cadre, division: Fixture.village)
            let today = service.context.clock.today()
            let county = service.settings.county

            // The assessment arrives before the child's registration: held, then applied.
            let child = Fixture.newID()
            try await service.publish([Envelope(county: county, payload: try Fixture.keyAssessment(child, on: today))])
            #expect(try await Fixture.until(service) { db in
                try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM child_assessment WHERE childId = ?)", arguments: [child]) == true
            })
            try await service.publish([Envelope(county: county, payload: Fixture.childRegistered(child, on: today))])
            let assigned = await listener.waitFor(MentorAssigned.self, count: 2)
            let forChild = assigned.map(\.payload).filter { $0.childId == child }
            #expect(forChild.count == 2)
            #expect(Set(forChild.map(\.mentorId)) == [teacher, cadre])
            #expect(forChild.allSatisfy { $0.pairing == .twoOnOne })

            // A second child, general at first with one teacher, then assessed key: the cadre joins.
            let second = Fixture.newID()
            try await service.publish([Envelope(county: county, payload: Fixture.childRegistered(second, on: today))])
            #expect(try await Fixture.until(service) { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pairing WHERE childId = ?", arguments: [second]) == 1
            })
            try await service.publish([Envelope(county: county, payload: try Fixture.keyAssessment(second, on: today))])
            let all = await listener.waitFor(MentorAssigned.self, count: 4).map(\.payload).filter { $0.childId == second }
            #expect(all.map(\.role) == [.teacher, .cadre])
            #expect(all.last?.pairing == .twoOnOne)
            #expect(try await Fixture.mentors(of: second, service) == [teacher, cadre])
        }
    }

    @Test("no mentor with room: the child is on the township's unpaired list until one registers")
    func unpairedIsListedNeverSilent() async throws {
        try await ServiceHarness.run(MentoringService.definition, environment: Fixture.environment) { service in
            let today = service.context.clock.today()
            let child = Fixture.newID()
            try await service.publish([Envelope(county: service.settings.county, payload: Fixture.childRegistered(child, on: today))])
            #expect(try await Fixture.until(service) { db in try ChildExists.check(db, child) })
            let listed = try await service.send(.get, "/children/unpaired?township=\(Fixture.township)", as: .township, scope: Fixture.township)
            #expect(listed.status == .ok)
            let items = try #require(try Fixture.json(listed)["items"] as? [[String: Any]])
            #expect(items.map { $0["childId"] as? String } == [child])
            #expect(items.first?["needs"] as? [String] == ["any_mentor"])
            let elsewhere = try await service.send(.get, "/children/unpaired", as: .township, scope: "520330200")
            #expect((try Fixture.json(elsewhere)["items"] as? [Any])?.isEmpty == true)

            // A teacher of the school registers: the waiting child is paired at once.
            let teacher = try await Fixture.registerMentor(service, role: .teacher, school: Fixture.school, capacity: 1)
            #expect(try await Fixture.mentors(of: child, service) == [teacher])
            let after = try await service.send(.get, "/children/unpaired", as: .countyOfficer)
            #expect((try Fixture.json(after)["items"] as? [Any])?.isEmpty == true)

            // The teacher is deactivated: the pairing ends and the child waits again (no one else has room).
            let listener = try service.listen(as: .notification)
            let deactivated = try await service.send(.post, "/mentors/\(teacher)/deactivate", as: .countyOfficer)
            #expect(deactivated.status == .ok)
            let unassigned = await listener.waitFor(MentorUnassigned.self)
            #expect(unassigned.first?.payload.reason == "mentor_deactivated")
            #expect(try await Fixture.mentors(of: child, service).isEmpty)
            let again = try await service.send(.get, "/children/unpaired", as: .countyOfficer)
            #expect((try Fixture.json(again)["items"] as? [[String: Any]])?.count == 1)

            // By hand: over capacity only when asked; a second time is a conflict; ending it needs a known pairing.
            let busy = try await Fixture.registerMentor(service, role: .teacher, school: "school-2", capacity: 0)
            let refused = try await service.send(.post, "/children/\(child)/pairings", as: .countyOfficer, json: ["mentorId": busy])
            #expect(refused.status == .unprocessableContent)
            let forced = try await service.send(
                .post, "/children/\(child)/pairings", as: .countyOfficer,
                body: try JSONSerialization.data(withJSONObject: ["mentorId": busy, "allowOverCapacity": true]))
            #expect(forced.status == .created)
            let twice = try await service.send(
                .post, "/children/\(child)/pairings", as: .countyOfficer,
                body: try JSONSerialization.data(withJSONObject: ["mentorId": busy, "allowOverCapacity": true]))
            #expect(twice.status == .conflict)
            let ended = try await service.send(.delete, "/children/\(child)/pairings/\(busy)?reason=by_hand", as: .countyOfficer)
            #expect(ended.status == .ok)
            let gone = try await service.send(.delete, "/children/\(child)/pairings/\(busy)", as: .countyOfficer)
            #expect(gone.status == .notFound)
            let schoolRefused = try await service.send(.post, "/children/\(child)/pairings", as: .school, scope: "school-9",
                                                       json: ["mentorId": busy])
            #expect(schoolRefused.status == .forbidden)
        }
    }
}

/// Whether the child is in mentoring's projection.
enum ChildExists {
    static func check(_ db: Database, _ id: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM child WHERE id = ?)", arguments: [id]) == true
    }
}
