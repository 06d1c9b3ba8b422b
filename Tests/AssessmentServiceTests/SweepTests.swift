import Assessment
import Foundation
import GRDB
import ShouhuEvents
import ShouhuService
import ShouhuServiceTestSupport
import ShouhuTestSupport
import Testing

extension AssessmentServiceTests {
    @Suite("Reassessment due") struct SweepTests {
        /// Long enough that only the start-up run and the test's own runs happen.
        static let environment = ["SHOUHU_ASSESSMENT_SWEEP_SECONDS": "86400"]

        @Test("once per term for children not assessed this term, once per incident, never for an exited child")
        func sweepWithAMovedClock() async throws {
            try await ServiceHarness.run(AssessmentService.definition, environment: Self.environment) { service in
                let listener = try service.listen(as: .notification)
                let sweep = try #require(service.plumbing.sweeps.first)
                let assessed = newChildId(), leaving = newChildId()
                try await service.register([registration(assessed), registration(leaving)])

                // Neither has been assessed this term: one reminder each, however often it runs.
                try await sweep.runOnce()
                try await sweep.runOnce()
                #expect(try await service.count("SELECT COUNT(*) FROM term_reminder") == 2)

                // A visit with concerns is an incident: due at once, notified once.
                try await service.assess(assessed, submission())
                let visit = VisitRecorded(
                    childId: assessed, visitId: UUID().uuidString.lowercased(), mentorId: UUID().uuidString.lowercased(),
                    kind: .homeVisit, on: service.context.clock.today().adding(days: 1), concerns: ["孩子情绪低落，不愿上学"])
                let visitEnvelope = Envelope(county: Place.county, payload: visit)
                try await service.publish([visitEnvelope, visitEnvelope])
                let incident = await listener.waitFor(ReassessmentDue.self, count: 3)
                #expect(incident.filter { $0.payload.why == .incident }.map(\.payload.incidentVisitId) == [visit.visitId])
                try await sweep.runOnce()

                // The other child leaves; the term turns.
                try await service.publish([
                    Envelope(county: Place.county, payload: ChildExited(
                        childId: leaving, reason: .parentReturned, on: service.context.clock.today()))
                ])
                _ = try await TestBroker.eventually {
                    try await service.count("SELECT COUNT(*) FROM child WHERE exitedOn IS NOT NULL") == 1
                }
                service.context.clock.advance(days: 200)
                #expect(try await sweep.runOnce() == 1, "only the active child is due for the new term")
                #expect(try await sweep.runOnce() == 0)

                #expect(try await service.outboxDrained())
                let all = await listener.waitFor(ReassessmentDue.self, count: 4)
                #expect(all.count == 4)
                #expect(all.filter { $0.payload.why == .term }.map(\.payload.childId).sorted()
                    == [assessed, assessed, leaving].sorted())
                #expect(all.filter { $0.payload.why == .incident }.count == 1)

                let risk = try decode(
                    RiskProbe.self, try await service.send(.get, "/children/\(assessed)/risk", as: .countyOfficer))
                #expect(risk.reassessment.due && risk.reassessment.why == "incident", "the unanswered incident is the more urgent reason")
                let left = try decode(
                    RiskProbe.self, try await service.send(.get, "/children/\(leaving)/risk", as: .countyOfficer))
                #expect(!left.reassessment.due)
            }
        }

        @Test("an incident for a child not yet registered is notified with the registration, once")
        func incidentBeforeRegistration() async throws {
            try await ServiceHarness.run(AssessmentService.definition, environment: Self.environment) { service in
                let listener = try service.listen(as: .notification)
                let sweep = try #require(service.plumbing.sweeps.first)
                let child = newChildId()
                let visit = VisitRecorded(
                    childId: child, visitId: UUID().uuidString.lowercased(), mentorId: UUID().uuidString.lowercased(),
                    kind: .schoolTalk, on: service.context.clock.today(), concerns: ["身上有伤痕"])
                try await service.publish([Envelope(county: Place.county, payload: visit)])
                _ = try await TestBroker.eventually { try await service.count("SELECT COUNT(*) FROM incident") == 1 }
                try await service.register([registration(child)])
                let atOnce = await listener.waitFor(ReassessmentDue.self)
                #expect(atOnce.map(\.payload.why) == [.incident], "notified with the registration, before any sweep")
                try await sweep.runOnce()
                try await sweep.runOnce()
                #expect(try await service.outboxDrained())
                let due = await listener.waitFor(ReassessmentDue.self, count: 2)
                #expect(due.filter { $0.payload.why == .incident }.count == 1)
            }
        }
    }
}

/// The part of `GET /children/{id}/risk` these tests read.
struct RiskProbe: Decodable {
    struct Reassessment: Decodable {
        var due: Bool
        var why: String?
        var overdue: Bool
    }
    struct Child: Decodable {
        var status: String
        var derivedCategory: Int?
    }
    var child: Child
    var reassessment: Reassessment
    var current: AssessmentRecord?
    var history: [AssessmentRecord]
}
