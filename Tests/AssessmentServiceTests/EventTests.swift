@testable import Assessment
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Logging
import ShouhuEvents
import ShouhuService
import ShouhuServiceTestSupport
import ShouhuStore
import ShouhuTestSupport
import Testing

extension AssessmentServiceTests {
    @Suite("Events in and out") struct EventTests {
        @Test("ChildRegistered delivered twice, and registered again under a new envelope, leaves one projection")
        func registeredTwiceLeavesOneProjection() async throws {
            try await ServiceHarness.run(AssessmentService.definition) { service in
                let child = newChildId()
                let first = registration(child)
                try await service.publish([first, first])
                try await service.register([registration(child)])
                #expect(try await service.count("SELECT COUNT(*) FROM child WHERE childId = ?", [child]) == 1)
                let risk = try await service.send(.get, "/children/\(child)/risk", as: .countyOfficer)
                #expect(risk.status == .ok)
            }
        }

        @Test("an update before its registration, and a late update after an exit, end as if in order")
        func projectionIsOrderTolerant() async throws {
            try await ServiceHarness.run(AssessmentService.definition) { service in
                let child = newChildId()
                let start = Date()
                let registered = registration(child, relation: .grandparent, occurredAt: start)
                let update = Envelope(
                    occurredAt: start + 60, county: Place.county,
                    payload: ChildUpdated(
                        childId: child, changed: [.guardian], guardian: .init(relation: .none)))
                let exit = Envelope(
                    occurredAt: start + 120, county: Place.county,
                    payload: ChildExited(childId: child, reason: .movedAway, on: CalendarDate("2026-10-01")!))
                let lateUpdate = Envelope(
                    occurredAt: start + 180, county: Place.county,
                    payload: ChildUpdated(childId: child, changed: [.schoolId, .schoolStage], schoolStage: .notInSchool))
                // Out of order: the update, then the exit, then the registration, then the late update.
                try await service.publish([update])
                try await service.publish([exit])
                try await service.register([registered])
                try await service.publish([lateUpdate])
                let settled = try await TestBroker.eventually {
                    try await service.count("SELECT COUNT(*) FROM child WHERE childId = ? AND schoolId IS NULL", [child]) == 1
                }
                #expect(settled)
                let snapshot = try #require(
                    try await service.context.database.pool.read { db in try ChildProjection.load(db, childId: child) })
                #expect(snapshot.guardianRelation == GuardianRelation.none, "the newer update's guardian survives the older registration")
                #expect(snapshot.hasExited, "a late update does not bring the child back")
                #expect(snapshot.isRegistered)
                let refused = try await service.send(
                    .post, "/children/\(child)/assessments", as: .countyOfficer, json: submission())
                #expect(refused.status == .conflict)
                #expect(try errorBody(refused).code == "child_exited")
            }
        }

        @Test("an assessment that raises the care level emits exactly one RiskEscalated")
        func raisingEmitsOneEscalation() async throws {
            try await ServiceHarness.run(AssessmentService.definition) { service in
                let listener = try service.listen(as: .mentoring)
                let child = newChildId()
                try await service.register([registration(child)])
                let baseline = try await service.assess(child, submission([2, 1, 1, 1, 1]))
                #expect(baseline.outcome == "baseline")
                let raised = try await service.assess(child, submission([2, 1, 1, 1, 1], harm: 2, rating: .fair))
                #expect(raised.careLevel == 4)
                #expect(raised.outcome == "escalated")
                let same = try await service.assess(child, submission([2, 1, 1, 1, 1], harm: 2, rating: .fair))
                #expect(same.outcome == "unchanged")

                _ = await listener.waitFor(AssessmentRecorded.self, count: 3)
                #expect(try await service.outboxDrained())
                let escalations = await listener.waitFor(RiskEscalated.self)
                #expect(escalations.count == 1)
                let event = try #require(escalations.first)
                #expect(event.payload.assessmentId == raised.assessmentId)
                #expect(event.payload.fromCareLevel == 2 && event.payload.toCareLevel == 4)
                #expect(event.payload.fromHarmLevel == nil && event.payload.toHarmLevel == 2)
                #expect(event.payload.reasons.contains { $0.contains("2心升至4心") })
                #expect(event.id == raised.escalatedEventId)
                let recorded = listener.events(AssessmentRecorded.self)
                #expect(event.causationId == recorded.first { $0.payload.assessmentId == raised.assessmentId }?.id)
            }
        }

        @Test("killed between commit and publish: the restart sends the one RiskEscalated, once")
        func escalationSurvivesACrashBetweenCommitAndPublish() async throws {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shouhu-crash-\(UUID())").path
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let prefix = "t-" + UUID().uuidString.prefix(8).lowercased()
            let child = newChildId()

            // First life: the service's own routes on its own file, with no relay or consumer
            // running: the requests commit, and the process "dies" before anything is published.
            let settings = try Settings(service: .assessment, environment: [
                "SHOUHU_AMQP_URL": TestBroker.url, "SHOUHU_AMQP_PREFIX": prefix, "SHOUHU_DATA_DIR": directory,
                "SHOUHU_JWT_SECRET": ServiceHarness.jwtSecret, "SHOUHU_LOG_LEVEL": "warning",
                "SHOUHU_DELIVERY_LIMIT": "3",
            ])
            let database = try ServiceDatabase(
                directory: directory, service: "assessment", migrations: AssessmentService.definition.migrations)
            let context = ServiceContext(settings: settings, database: database, logger: Logger(label: "first-life"))
            let router = ServiceRuntime.makeRouter(AssessmentService.definition, context: context, readiness: [])
            let application = Application(router: router)
            try await context.database.pool.write { db in try OnChildRegistered.handle(db, registration(child)) }
            let token = JWTCodec(secret: ServiceHarness.jwtSecret)
                .sign(Caller(subject: "officer", role: .countyOfficer, county: Place.county), expiresAt: Date() + 3600)
            let escalatedId = try await application.test(.router) { client in
                var ids: [String] = []
                for body in [submission([1, 1, 1, 1, 1]), submission([1, 1, 3, 1, 1])] {
                    let data = try JSONEncoder().encode(body)
                    let response = try await client.execute(
                        uri: "/children/\(child)/assessments", method: .post,
                        headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                        body: ByteBuffer(bytes: data))
                    #expect(response.status == .created)
                    ids.append(try decode(AssessmentRecord.self, response).escalatedEventId ?? "")
                }
                return ids[1]
            }
            #expect(!escalatedId.isEmpty)
            let waiting = try await context.database.pool.read { db in try Outbox.depth(db) }
            #expect(waiting == 3, "two AssessmentRecorded and one RiskEscalated committed, none published")

            // Second life on the same file and broker prefix.
            try await ServiceHarness.run(AssessmentService.definition, dataDirectory: directory, prefix: prefix) { service in
                let listener = try service.listen(as: .notification)
                #expect(try await service.outboxDrained())
                let escalations = await listener.waitFor(RiskEscalated.self)
                #expect(escalations.map(\.id) == [escalatedId])
                #expect(escalations.first?.payload.toCareLevel == 3)
                // A request repeated after the restart records nothing new.
                #expect(try await service.count("SELECT COUNT(*) FROM assessment") == 2)
            }
        }

        @Test("a poison event is dead-lettered and the service goes on")
        func poisonIsDeadLettered() async throws {
            try await ServiceHarness.run(AssessmentService.definition) { service in
                let elsewhere = registration(newChildId(), village: "520102001001")
                try await service.publishRaw([
                    (ChildRegistered.routingKey, UUID().uuidString.lowercased(), Data("not json".utf8)),
                    (ChildRegistered.routingKey, elsewhere.id, try EventCodec().encode(elsewhere)),
                ])
                let child = newChildId()
                try await service.register([registration(child)])
                let deadLettered = try await TestBroker.eventually { try service.deadLetterDepth() == 2 }
                #expect(deadLettered)
                #expect(try await service.count("SELECT COUNT(*) FROM child") == 1)
                try await service.assess(child, submission())
            }
        }
    }
}
