import Foundation
import GRDB
import Mentoring
import ShouhuEvents
import ShouhuService
import ShouhuServiceTestSupport
import ShouhuTestSupport
import Testing

@Suite("Mentoring visits, overdue and supervision against the real broker", .serialized)
struct VisitServiceTests {
    @Test("only the child's own mentor records a visit; it discharges the duty; overdue and supervision follow the clock")
    func visitsOverdueAndSupervision() async throws {
        try await ServiceHarness.run(MentoringService.definition, environment: Fixture.environment) { service in
            let assessment = try service.listen(as: .assessment)
            let mine = try await Fixture.registerMentor(service, role: .teacher, school: Fixture.school)
            let other = try await Fixture.registerMentor(service, role: .teacher, school: "school-2")
            let start = service.context.clock.today()
            let child = Fixture.newID()
            try await service.publish([Envelope(county: service.settings.county, payload: Fixture.childRegistered(child, on: start))])
            #expect(try await Fixture.until(service) { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM obligation WHERE childId = ?", arguments: [child]) == 3
            })

            let visit: [String: any Sendable] = [
                "kind": "home_visit", "on": start.description, "findings": "奶奶身体不好", "concerns": ["作业没人辅导"],
                "helpGiven": "辅导数学",
            ]
            let body = try JSONSerialization.data(withJSONObject: visit)
            let stranger = try await service.send(.post, "/children/\(child)/visits", as: .mentor, subject: other, body: body)
            #expect(stranger.status == .forbidden)
            let village = try await service.send(.post, "/children/\(child)/visits", as: .village, scope: Fixture.village, body: body)
            #expect(village.status == .forbidden)
            let recorded = try await service.send(.post, "/children/\(child)/visits", as: .mentor, subject: mine, body: body)
            #expect(recorded.status == .created)
            let events = await assessment.waitFor(VisitRecorded.self)
            #expect(events.first?.payload.mentorId == mine)
            #expect(events.first?.payload.concerns == ["作业没人辅导"])

            let future = try JSONSerialization.data(withJSONObject: ["kind": "home_visit", "on": start.adding(days: 1).description])
            let tooEarly = try await service.send(.post, "/children/\(child)/visits", as: .mentor, subject: mine, body: future)
            #expect(tooEarly.status == .unprocessableContent)
            let badKind = try JSONSerialization.data(withJSONObject: ["kind": "party", "on": start.description])
            let rejected = try await service.send(.post, "/children/\(child)/visits", as: .mentor, subject: mine, body: badKind)
            #expect(rejected.status == .badRequest)
            #expect((try Fixture.json(rejected)["error"] as? [String: Any])?["field"] as? String == "kind")

            let readBySchool = try await service.send(.get, "/children/\(child)/visits", as: .school, scope: Fixture.school)
            #expect((try Fixture.json(readBySchool)["items"] as? [Any])?.count == 1)
            let readByOtherSchool = try await service.send(.get, "/children/\(child)/visits", as: .school, scope: "school-2")
            #expect(readByOtherSchool.status == .forbidden)

            // The next home visit is due 14 days after this one; on that day it is not overdue yet.
            service.context.clock.advance(days: 14)
            let onTheDay = try await service.send(.get, "/visits/overdue?mentor=\(mine)", as: .countyOfficer)
            #expect((try Fixture.json(onTheDay)["items"] as? [Any])?.isEmpty == true)
            service.context.clock.advance(days: 1)
            let overdue = try await service.send(.get, "/visits/overdue?mentor=\(mine)", as: .mentor, subject: mine)
            let items = try #require(try Fixture.json(overdue)["items"] as? [[String: Any]])
            #expect(items.count == 1)
            #expect(items.first?["obligation"] as? String == "home_visit")
            #expect(items.first?["daysOverdue"] as? Int == 1)
            let otherSchool = try await service.send(.get, "/visits/overdue", as: .school, scope: "school-2")
            #expect((try Fixture.json(otherSchool)["items"] as? [Any])?.isEmpty == true)

            let from = start.description, to = service.context.clock.today().description
            let report = try await service.send(.get, "/reports/supervision?level=mentor&from=\(from)&to=\(to)", as: .countyOfficer)
            #expect(report.status == .ok)
            let rows = try #require(try Fixture.json(report)["rows"] as? [[String: Any]])
            let row = try #require(rows.first { $0["key"] as? String == mine })
            #expect(row["due"] as? Int == 2)
            #expect(row["madeOnTime"] as? Int == 1)
            #expect(row["missed"] as? Int == 1)
            #expect(row["overdueRate"] as? Double == 0.5)
            #expect(row["visitsRecorded"] as? Int == 1)
            let badLevel = try await service.send(.get, "/reports/supervision?level=village", as: .countyOfficer)
            #expect(badLevel.status == .badRequest)

            // The child exits: the pairing ends and nothing is overdue any more.
            let notification = try service.listen(as: .notification)
            try await service.publish([Envelope(
                county: service.settings.county,
                payload: ChildExited(childId: child, reason: .parentReturned, on: service.context.clock.today()))])
            let unassigned = await notification.waitFor(MentorUnassigned.self)
            #expect(unassigned.first?.payload.reason == "child_exited")
            let afterExit = try await service.send(.get, "/visits/overdue", as: .countyOfficer)
            #expect((try Fixture.json(afterExit)["items"] as? [Any])?.isEmpty == true)
        }
    }
}
