import ArgumentParser
import Assessment
import Foundation
import GRDB
import Logging
import ShouhuEvents
import ShouhuMessaging
import ShouhuService
import ShouhuStore

/// The assessment service under a county's load, through the real broker: 50,000
/// `child.registered` consumed into the projection (inbox, handler, one transaction per batch),
/// then 50,000 assessments recorded (one transaction each, as the route does) while the relay
/// publishes their `assessment.recorded` and `risk.escalated` with confirms, then one
/// reassessment sweep over every child. Prints each rate, the median over rounds, and peak memory.
struct AssessmentBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assessment", abstract: "Registrations in and assessments out of the assessment service.")

    @Option(help: "Children registered, and assessments recorded, per round.") var children = 50_000
    @Option(help: "How many times to measure; the median is reported.") var rounds = 3
    @Option(help: "Assessments recorded concurrently (requests in flight).") var concurrency = 8
    @Option(help: "Broker URL.") var amqpURL = ProcessInfo.processInfo.environment["SHOUHU_TEST_AMQP_URL"] ?? "amqp://guest:guest@127.0.0.1:5672/"

    func run() async throws {
        print("assessment benchmark: \(children) registrations and \(children) assessments × \(rounds) rounds, \(concurrency) assessments in flight")
        var registered: [Double] = [], assessed: [Double] = [], published: [Double] = [], swept: [Double] = []
        for round in 1...rounds {
            let figures = try await measure()
            registered.append(figures.registered)
            assessed.append(figures.assessed)
            published.append(figures.published)
            swept.append(figures.swept)
            print(String(format: "  round %d: registrations consumed %7.0f ev/s   assessments recorded %6.0f /s   events published %7.0f ev/s   sweep %.2f s (%d reminders)",
                         round, figures.registered, figures.assessed, figures.published, figures.swept, figures.reminders))
        }
        print(String(format: "median: registrations %.0f ev/s, assessments %.0f /s, assessment events published %.0f ev/s, sweep over %d children %.2f s",
                     median(registered), median(assessed), median(published), children, median(swept)))
        print("peak memory (VmHWM): \(peakMemoryMiB()) MiB")
    }

    struct Figures {
        var registered: Double
        var assessed: Double
        var published: Double
        var swept: Double
        var reminders: Int
    }

    private func measure() async throws -> Figures {
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let directory = FileManager.default.temporaryDirectory.appending(path: "shouhu-bench-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let settings = try Settings(service: .assessment, environment: [
            "SHOUHU_AMQP_URL": amqpURL, "SHOUHU_AMQP_PREFIX": "bench-" + UUID().uuidString.prefix(8).lowercased(),
            "SHOUHU_DATA_DIR": directory, "SHOUHU_JWT_SECRET": String(repeating: "b", count: 32),
        ])
        let endpoint = try ServiceRuntime.endpoint(settings)
        let topology = ServiceRuntime.topology(settings)
        let admin = try BrokerAdmin(endpoint: endpoint)
        try admin.declare(topology)
        defer { try? admin.delete(topology) }

        let definition = AssessmentService.definition
        let database = try ServiceDatabase(directory: directory, service: "assessment", migrations: definition.migrations)
        let clock = ServiceClock()
        let context = ServiceContext(settings: settings, database: database, logger: logger, clock: clock)
        let inbox = InboxHandler(database: database, router: definition.eventHandlers(context), county: settings.county, logger: logger)
        let consumer = DeliveryConsumer(endpoint: endpoint, topology: topology, consumer: "assessment", handler: inbox,
                                        connectionName: "bench-assessment-consumer", logger: logger)
        let publisher = ConfirmingPublisher(endpoint: endpoint, topology: topology, connectionName: "bench-assessment-relay", logger: logger)
        let relay = OutboxRelay(database: database, publisher: publisher, producer: "assessment", logger: logger)
        let intake = ConfirmingPublisher(endpoint: endpoint, topology: topology, connectionName: "bench-intake", logger: logger)
        let consuming = Task { await consumer.run() }
        let relaying = Task { await relay.run() }
        publisher.start()
        intake.start()
        defer {
            relaying.cancel()
            consumer.stop()
        }
        while !publisher.isConnected || !consumer.isConnected || !intake.isConnected {
            try await Task.sleep(nanoseconds: 10_000_000)
        }

        // 1. Registrations from intake, through the broker into the projection.
        let codec = EventCodec()
        let ids = (0..<children).map { _ in UUID().uuidString.lowercased() }
        let messages = try ids.enumerated().map { index, id in
            let envelope = Self.registration(id, index: index, county: settings.county)
            return OutgoingMessage(routingKey: ChildRegistered.routingKey, messageId: envelope.id, body: [UInt8](try codec.encode(envelope)))
        }
        let start = Date()
        var pending = messages
        while !pending.isEmpty {
            let outcomes = await intake.publish(pending)
            pending = zip(pending, outcomes).filter { !$0.1.isConfirmed }.map(\.0)
        }
        while try await count(database, "SELECT COUNT(*) FROM child") < children {
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        let registered = Double(children) / Date().timeIntervalSince(start)

        // 2. Assessments, one transaction each, while the relay publishes what they emit.
        let recorder = AssessmentRecorder(settings: try AssessmentSettings(settings), county: settings.county, outbox: database.outbox)
        let officer = Caller(subject: "bench", role: .countyOfficer, county: settings.county)
        let assessing = Date()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for lane in 0..<concurrency {
                group.addTask {
                    for index in stride(from: lane, to: ids.count, by: concurrency) {
                        let body = Self.submission(index)
                        _ = try await database.pool.write { db in
                            try recorder.record(db, childId: ids[index], submission: body, caller: officer, now: clock.now())
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let assessedElapsed = Date().timeIntervalSince(assessing)
        while try await count(database, "SELECT COUNT(*) FROM shouhu_outbox WHERE publishedAt IS NULL") > 0 {
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        let publishedElapsed = Date().timeIntervalSince(assessing)
        let events = try await count(database, "SELECT COUNT(*) FROM shouhu_outbox")

        // 3. One reassessment sweep a term later: every child is due again.
        clock.advance(days: 200)
        let sweep = definition.sweeps(context)[0]
        let sweeping = Date()
        let reminders = try await sweep.runOnce()
        let swept = Date().timeIntervalSince(sweeping)

        consumer.stop()
        relaying.cancel()
        await consuming.value
        await relaying.value
        await publisher.shutdown()
        await intake.shutdown()
        return Figures(registered: registered, assessed: Double(children) / assessedElapsed,
                       published: Double(events) / publishedElapsed, swept: swept, reminders: reminders)
    }

    private func count(_ database: ServiceDatabase, _ sql: String) async throws -> Int {
        try await database.pool.read { db in try Int.fetchOne(db, sql: sql) ?? 0 }
    }

    /// A child in one of 20 townships × 10 villages and 200 schools, with a mix of guardians.
    static func registration(_ id: String, index: Int, county: String) -> Envelope<ChildRegistered> {
        let township = 100 + index % 20
        let village = 1 + (index / 20) % 10
        let relations: [GuardianRelation] = [.grandparent, .grandparent, .grandparent, .otherRelative, .none, .parent]
        let relation = relations[index % relations.count]
        return Envelope(county: county, payload: ChildRegistered(
            childId: id, name: "学生\(index)", gender: index % 2 == 0 ? .male : .female,
            birthDate: CalendarDate("2014-05-01")!, schoolStage: .primary, schoolId: "school-\(index % 200)",
            villageCode: county + String(township) + String(format: "%03d", village),
            guardian: .init(relation: relation, name: relation == .none ? nil : "监护人"),
            parents: [.init(role: .father, status: .workingAway, place: "浙江宁波")], familyFlags: [],
            registeredOn: CalendarDate("2026-03-01")!))
    }

    /// Scores, ratings and harm levels spread over every care level.
    static func submission(_ index: Int) -> AssessmentSubmission {
        let worst = 1 + index % 4
        return AssessmentSubmission(
            harmLevel: index % 7 == 0 ? 1 + index % 4 : nil, guardianRating: index % 11 == 0 ? .poor : .fair,
            scores: .init(psychology: worst, physicalHealth: 1, studies: max(1, worst - 1), guardianship: 2, safetyAndLiving: 1))
    }
}
