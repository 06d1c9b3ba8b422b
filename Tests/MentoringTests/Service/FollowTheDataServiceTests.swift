import Foundation
import GRDB
import Mentoring
import ShouhuEvents
import ShouhuService
import ShouhuServiceTestSupport
import ShouhuTestSupport
import Testing

@Suite("Due dates and pairings follow the data, against the real broker", .serialized)
struct FollowTheDataServiceTests {
    @Test("a risk escalation brings the home visit forward; a change of school moves the pairing")
    func escalationAndMoveFollowTheData() async throws {
        try await ServiceHarness.run(MentoringService.definition, environment: Fixture.environment) { service in
            let listener = try service.listen(as: .notification)
            let first = try await Fixture.registerMentor(service, role: .teacher, school: Fixture.school)
            let second = try await Fixture.registerMentor(service, role: .teacher, school: "school-2")
            let today = service.context.clock.today()
            let county = service.settings.county
            let child = Fixture.newID()
            try await service.publish([Envelope(county: county, payload: Fixture.childRegistered(child, on: today))])
            #expect(try await Fixture.until(service) { db in try ChildExists.check(db, child) })
            #expect(try await Fixture.mentors(of: child, service) == [first])

            func homeVisitDue() async throws -> String? {
                let response = try await service.send(.get, "/children/\(child)/obligations", as: .mentor, subject: first)
                let items = try #require(try Fixture.json(response)["items"] as? [[String: Any]])
                return items.first { $0["obligation"] as? String == "home_visit" }?["dueOn"] as? String
            }
            #expect(try await homeVisitDue() == today.adding(days: 14).description)

            try await service.publish([Envelope(county: county, payload: RiskEscalated(
                childId: child, assessmentId: Fixture.newID(), fromCareLevel: 2, toCareLevel: 3, fromHarmLevel: nil,
                toHarmLevel: 3, reasons: ["监护人长期生病"]))])
            #expect(try await Fixture.until(service) { db in
                try Bool.fetchOne(db, sql: "SELECT escalatedOn IS NOT NULL FROM child WHERE id = ?", arguments: [child]) == true
            })
            #expect(try await homeVisitDue() == today.adding(days: 3).description)

            try await service.publish([Envelope(county: county, payload: ChildUpdated(
                childId: child, changed: [.schoolId], schoolId: "school-2"))])
            let unassigned = await listener.waitFor(MentorUnassigned.self)
            #expect(unassigned.map(\.payload.reason) == ["child_moved"])
            #expect(try await Fixture.until(service) { db in
                try String.fetchAll(db, sql: "SELECT mentorId FROM pairing WHERE childId = ? AND endedOn IS NULL",
                                    arguments: [child]) == [second]
            })
            // The former mentor no longer sees the child.
            let former = try await service.send(.get, "/children/\(child)/obligations", as: .mentor, subject: first)
            #expect(former.status == .forbidden)
        }
    }
}
