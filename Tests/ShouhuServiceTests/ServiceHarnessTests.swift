import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import ShouhuEvents
import ShouhuService
import ShouhuServiceTestSupport
import ShouhuStore
import ShouhuTestSupport
import Testing

/// A tiny service that proves the runtime and the harness every service test uses: a route that
/// emits through the outbox, a handler that records what it consumed, the movable clock.
private let probe = ServiceDefinition(
    name: .mentoring,
    migrations: { migrator in
        migrator.registerMigration("probe") { db in
            try db.execute(sql: "CREATE TABLE seen (envelopeId TEXT PRIMARY KEY, childId TEXT NOT NULL)")
        }
    },
    eventHandlers: { _ in
        var router = EventRouter()
        router.on(ChildExited.self) { db, envelope in
            try db.execute(sql: "INSERT INTO seen VALUES (?, ?)", arguments: [envelope.id, envelope.payload.childId])
        }
        return router
    },
    routes: { router, context in
        router.post("/probe/{child}") { _, request in
            _ = try request.requireCaller([.admin])
            let child = try request.parameters.require("child")
            try await context.database.pool.write { db in
                let event = ChildExited(childId: child, reason: .movedAway, on: context.clock.today())
                try context.database.outbox.append(Envelope(county: context.settings.county, payload: event), in: db)
            }
            return HTTPResponse.Status.accepted
        }
    })

@Suite("Service harness and runtime, against the real broker")
struct ServiceHarnessTests {
    @Test("a route's outbox event reaches a listening queue, and a published event reaches the handler")
    func eventsBothWays() async throws {
        try await ServiceHarness.run(probe) { service in
            let listener = try service.listen(as: .assessment)
            let child = UUID().uuidString.lowercased()
            let response = try await service.send(.post, "/probe/\(child)", as: .admin)
            #expect(response.status == .accepted)
            let received = await listener.waitFor(ChildExited.self)
            #expect(received.map(\.payload.childId) == [child])

            let incoming = Envelope(county: service.settings.county,
                                    payload: ChildExited(childId: child, reason: .deceased, on: CalendarDate("2026-11-20")!))
            try await service.publish([incoming])
            let applied = try await TestBroker.eventually {
                try await service.context.database.pool.read { db in
                    try String.fetchOne(db, sql: "SELECT childId FROM seen WHERE envelopeId = ?", arguments: [incoming.id])
                } == child
            }
            #expect(applied)
        }
    }

    @Test("the admin clock route moves the service's today; other roles may not")
    func clockMoves() async throws {
        try await ServiceHarness.run(probe) { service in
            let before = service.context.clock.today()
            let refused = try await service.send(.post, "/admin/clock", as: .countyOfficer, json: ["advanceDays": 15])
            #expect(refused.status == .forbidden)
            let moved = try await service.send(.post, "/admin/clock", as: .admin, json: ["advanceDays": 15])
            #expect(moved.status == .ok)
            #expect(service.context.clock.today() == before.adding(days: 15))
        }
    }
}
