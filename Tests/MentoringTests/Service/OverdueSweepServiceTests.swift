import Foundation
import GRDB
import Mentoring
import ShouhuEvents
import ShouhuService
import ShouhuServiceTestSupport
import ShouhuTestSupport
import Testing

@Suite("The overdue sweep against the real broker", .serialized)
struct OverdueSweepServiceTests {
    static func overdueRows(_ service: ServiceHarness) async throws -> Int {
        try await service.context.database.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM shouhu_outbox WHERE routingKey = 'visit.overdue'") ?? 0
        }
    }

    @Test("killed mid-sweep and restarted on the same data folder, each visit.overdue goes out exactly once")
    func overdueVisitAlertsOnceAfterRestart() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mentoring-sweep-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let prefix = "t-" + UUID().uuidString.prefix(8).lowercased()
        let children = (0..<3).map { _ in Fixture.newID() }

        // Run 1: three paired children, the clock moved past their home visits, and a sweep that
        // dies after its first alert. Nothing of it may survive.
        try await ServiceHarness.run(MentoringService.definition, environment: Fixture.environment,
                                     dataDirectory: directory, prefix: prefix) { service in
            _ = try await Fixture.registerMentor(service, role: .teacher, school: Fixture.school, capacity: 5)
            let today = service.context.clock.today()
            try await service.publish(children.map {
                Envelope(county: service.settings.county, payload: Fixture.childRegistered($0, on: today))
            })
            #expect(try await Fixture.until(service) { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pairing WHERE endedOn IS NULL") == 3
            })
            service.context.clock.advance(days: 15)
            try await service.context.database.pool.writeWithoutTransaction { db in
                try db.execute(sql: """
                    CREATE TEMP TRIGGER die_mid_sweep AFTER INSERT ON shouhu_outbox
                    WHEN NEW.routingKey = 'visit.overdue'
                     AND (SELECT COUNT(*) FROM shouhu_outbox WHERE routingKey = 'visit.overdue') >= 2
                    BEGIN SELECT RAISE(ABORT, 'killed mid-sweep'); END
                    """)
            }
            let sweep = try #require(service.plumbing.sweeps.first)
            await #expect(throws: (any Error).self) { try await sweep.runOnce() }
            #expect(try await Self.overdueRows(service) == 0)
            #expect(try await service.context.database.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM obligation_alert")
            } == 0)
        }

        // Run 2: restarted on the same folder, the sweep alerts each overdue visit once.
        try await ServiceHarness.run(MentoringService.definition, environment: Fixture.environment,
                                     dataDirectory: directory, prefix: prefix) { service in
            let listener = try service.listen(as: .notification)
            service.context.clock.advance(days: 15)
            let sweep = try #require(service.plumbing.sweeps.first)
            try await sweep.runOnce()
            #expect(try await sweep.runOnce() == 0)
            #expect(try await Self.overdueRows(service) == 3)
            let alerts = await listener.waitFor(VisitOverdue.self, count: 3)
            #expect(try await service.outboxDrained())
            #expect(alerts.count == 3)
            #expect(Set(alerts.map(\.payload.childId)) == Set(children))
            #expect(alerts.allSatisfy { $0.payload.obligation == .homeVisit && $0.payload.daysOverdue == 1 })
        }

        // Run 3: the same day again alerts nothing; a week later each is alerted once more.
        try await ServiceHarness.run(MentoringService.definition, environment: Fixture.environment,
                                     dataDirectory: directory, prefix: prefix) { service in
            let listener = try service.listen(as: .notification)
            service.context.clock.advance(days: 15)
            let sweep = try #require(service.plumbing.sweeps.first)
            #expect(try await sweep.runOnce() == 0)
            service.context.clock.advance(days: 6)
            #expect(try await sweep.runOnce() == 0)
            service.context.clock.advance(days: 1)
            #expect(try await sweep.runOnce() == 3)
            let alerts = await listener.waitFor(VisitOverdue.self, count: 3)
            #expect(try await service.outboxDrained())
            #expect(alerts.count == 3)
            #expect(alerts.allSatisfy { $0.payload.daysOverdue == 8 })
        }
    }
}
