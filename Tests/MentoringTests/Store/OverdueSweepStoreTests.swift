import Foundation
import GRDB
import Logging
import Mentoring
import MentoringDomain
import ShouhuEvents
import ShouhuMessaging
import ShouhuService
import ShouhuStore
import Testing

/// The overdue sweep over a store large enough that its events are encoded in several chunks on
/// several threads, without a broker: every overdue duty is alerted exactly once, to its current
/// mentors, in due-date order, marked in the same transaction; a sweep that fails part-way
/// leaves nothing behind; the repeat interval holds.
@Suite("The overdue sweep over 1,300 children, in the store")
struct OverdueSweepStoreTests {
    static let start = CalendarDate("2026-03-02")!
    static let county = "520330"

    /// A store filled through the real consumer path: 1,300 children over two registration
    /// days (one in ten key tier), and teachers and cadres with room for all of them.
    static func filledStore() throws -> (MentoringStore, ServiceDatabase, String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mentoring-sweep-store-\(UUID().uuidString)").path
        let database = try ServiceDatabase(directory: directory, service: "mentoring", migrations: MentoringService.definition.migrations)
        let settings = try Settings(service: .mentoring, environment: [
            "SHOUHU_JWT_SECRET": String(repeating: "t", count: 32), "SHOUHU_DATA_DIR": directory,
        ])
        let clock = ServiceClock.fixed(at: start.startInstant().addingTimeInterval(10 * 3600))
        var logger = Logger(label: "sweep-store-test")
        logger.logLevel = .error
        try database.pool.write { db in
            for index in 0..<16 {
                let teacher = index < 14
                try db.execute(sql: """
                    INSERT INTO mentor (id, name, role, schoolId, divisionCode, townshipCode, phone, capacity, registeredOn)
                    VALUES (?, '帮扶人', ?, ?, ?, ?, '13900000000', 100, ?)
                    """, arguments: [UUID().uuidString.lowercased(), teacher ? "teacher" : "cadre", teacher ? "school-1" : nil,
                                     teacher ? nil : "520330100001", teacher ? nil : "520330100", start])
            }
        }
        let context = ServiceContext(settings: settings, database: database, logger: logger, clock: clock)
        let inbox = InboxHandler(database: database, router: MentoringService.definition.eventHandlers(context),
                                 county: county, logger: logger)
        var tag: UInt64 = 0
        for day in 0..<2 {
            var batch: [Delivery] = []
            func deliver<E: Event>(_ payload: E) throws {
                tag += 1
                let body = try EventCodec().encode(Envelope(county: county, payload: payload))
                batch.append(Delivery(deliveryTag: tag, routingKey: E.routingKey, messageId: nil, body: Array(body)))
            }
            for index in stride(from: day, to: 1300, by: 2) {
                let childId = UUID().uuidString.lowercased()
                try deliver(ChildRegistered(
                    childId: childId, name: "儿童", gender: .female, birthDate: CalendarDate("2015-06-01")!,
                    schoolStage: .primary, schoolId: "school-1", villageCode: "520330100001",
                    guardian: .init(relation: .grandparent, name: "祖母", phone: "13800000000"),
                    parents: [.init(role: .mother, status: .workingAway, place: "浙江", since: CalendarDate("2024-01-01")!)],
                    familyFlags: [], registeredOn: clock.today()))
                if index % 10 == 0 {
                    try deliver(AssessmentRecorded(
                        childId: childId, assessmentId: UUID().uuidString.lowercased(), guardianCategory: 3, harmLevel: 2,
                        guardianRating: .fair,
                        dimensionScores: .init(psychology: 4, physicalHealth: 3, studies: 3, guardianship: 4, safetyAndLiving: 3),
                        careLevel: 4, tier: .key, assessedOn: clock.today()))
                }
            }
            _ = inbox.handle(batch)
            clock.advance(days: 1)
        }
        let (children, unpaired) = try database.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM child") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM child WHERE unmetNeeds IS NOT NULL") ?? 0)
        }
        try #require(children == 1300 && unpaired == 0, "\(children) children, \(unpaired) unpaired")
        return (MentoringStore(database: database, policy: .standard, county: county, logger: logger), database, directory)
    }

    static func at(_ days: Int) -> Date { start.adding(days: days).startInstant().addingTimeInterval(10 * 3600) }

    /// The open duties overdue on a day, as (childId, kind, dueOn), with each child's mentors.
    static func overdueDuties(_ db: Database, on day: CalendarDate) throws -> [String: (dueOn: CalendarDate, mentors: [String])] {
        var duties: [String: (CalendarDate, [String])] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT childId, kind, dueOn FROM obligation WHERE fulfilledOn IS NULL AND closedOn IS NULL AND dueOn < ?
            """, arguments: [day]) {
            let childId: String = row["childId"]
            let mentors = try String.fetchAll(db, sql: "SELECT mentorId FROM pairing WHERE childId = ? AND endedOn IS NULL ORDER BY mentorId",
                                              arguments: [childId])
            duties["\(childId)/\(row["kind"] as String)"] = (row["dueOn"], mentors)
        }
        return duties
    }

    static func alerts(_ db: Database) throws -> [Envelope<VisitOverdue>] {
        try Data.fetchAll(db, sql: "SELECT body FROM shouhu_outbox WHERE routingKey = 'visit.overdue' ORDER BY seq")
            .map { try EventCodec().decode(VisitOverdue.self, from: $0) }
    }

    @Test("every overdue duty alerted once, to its current mentors, in due order; a failed sweep keeps nothing; again after the interval")
    func sweepAlertsEachOverdueDutyOnce() async throws {
        let (store, database, directory) = try Self.filledStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let worstDay = Self.start.adding(days: 28)
        let expected = try await database.pool.read { db in try Self.overdueDuties(db, on: worstDay) }
        try #require(expected.count >= 1300, "every home visit overdue")
        #expect(expected.values.contains { $0.mentors.count == 2 }, "key-tier children have two mentors")

        // A sweep that dies after 700 appends (past the first chunk, with workers still
        // encoding) keeps neither events nor marks.
        try await database.pool.writeWithoutTransaction { db in
            try db.execute(sql: """
                CREATE TEMP TRIGGER die_mid_sweep AFTER INSERT ON shouhu_outbox
                WHEN (SELECT COUNT(*) FROM shouhu_outbox WHERE routingKey = 'visit.overdue') >= 700
                BEGIN SELECT RAISE(ABORT, 'killed mid-sweep'); END
                """)
        }
        await #expect(throws: (any Error).self) {
            try await database.pool.write { db in try store.sweepOverdue(db, at: Self.at(28)) }
        }
        try await database.pool.writeWithoutTransaction { db in try db.execute(sql: "DROP TRIGGER die_mid_sweep") }
        #expect(try await database.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM shouhu_outbox WHERE routingKey = 'visit.overdue'")
        } == 0)
        #expect(try await database.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM obligation_alert")
        } == 0)

        // The sweep again: one alert per overdue duty, nothing else.
        let emitted = try await database.pool.write { db in try store.sweepOverdue(db, at: Self.at(28)) }
        #expect(emitted == expected.count)
        let alerts = try await database.pool.read { db in try Self.alerts(db) }
        #expect(alerts.count == expected.count)
        var seen = Set<String>()
        for alert in alerts {
            let key = "\(alert.payload.childId)/\(alert.payload.obligation.rawValue)"
            let duty = try #require(expected[key], "alert for a duty that is not overdue: \(key)")
            #expect(seen.insert(key).inserted, "alerted twice: \(key)")
            #expect(alert.payload.mentorIds == duty.mentors)
            #expect(alert.payload.dueOn == duty.dueOn)
            #expect(alert.payload.daysOverdue == duty.dueOn.days(until: worstDay))
        }
        #expect(alerts.map(\.payload.dueOn) == alerts.map(\.payload.dueOn).sorted(), "oldest due first")
        #expect(try await database.pool.read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM obligation o JOIN obligation_alert a ON a.obligationId = o.id
                WHERE a.lastAlertedOn = ? AND a.alertCount = 1 AND o.fulfilledOn IS NULL AND o.closedOn IS NULL
                """, arguments: [worstDay])
        } == expected.count)

        // The same day alerts nothing more, nor do the next six for these duties (others may
        // fall due meanwhile); the seventh alerts each again.
        #expect(try await database.pool.write { db in try store.sweepOverdue(db, at: Self.at(28)) } == 0)
        for day in 29...34 {
            _ = try await database.pool.write { db in try store.sweepOverdue(db, at: Self.at(day)) }
        }
        #expect(try await database.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM obligation_alert WHERE alertCount > 1")
        } == 0)
        let again = try await database.pool.write { db in try store.sweepOverdue(db, at: Self.at(35)) }
        #expect(again >= expected.count)
        #expect(try await database.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM obligation_alert WHERE alertCount = 2")
        } == expected.count)
    }
}
