import ArgumentParser
import Foundation
import GRDB
import Logging
import Notification
import ShouhuEvents
import ShouhuMessaging
import ShouhuService
import ShouhuStore

/// `shouhu-bench notification`: 10,000 `visit.overdue` events through the notification
/// service's consumer path (inbox check, directory, digest items, in batches like the consumer's
/// prefetch), then the daily digest sweep turning them into one inbox entry and one queued SMS
/// per mentor. The broker is left out here (the `pipeline` benchmark measures it): this is what
/// the service itself costs per event.
struct NotificationBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notification", abstract: "visit.overdue events → daily digests and inbox entries.")

    @Option(help: "VisitOverdue events per round.") var events = 10_000
    @Option(help: "Mentors the overdue visits are spread over (one digest each).") var mentors = 1_000
    @Option(help: "Rounds; the median is reported.") var rounds = 3
    @Option(help: "Deliveries handled per transaction (the consumer's prefetch).") var batch = 200

    func run() async throws {
        print("notification benchmark: \(events) visit.overdue events over \(mentors) mentors × \(rounds) rounds, batches of \(batch)")
        var consumeRates: [Double] = [], digestSeconds: [Double] = [], totalRates: [Double] = []
        for round in 1...rounds {
            let (consume, digest, digests, inbox) = try await oneRound()
            consumeRates.append(Double(events) / consume)
            digestSeconds.append(digest)
            totalRates.append(Double(events) / (consume + digest))
            print(String(format: "  round %d: consume %8.0f ev/s (%.2f s)   digest sweep %.2f s → %d digests, %d inbox entries   overall %8.0f ev/s",
                         round, Double(events) / consume, consume, digest, digests, inbox, Double(events) / (consume + digest)))
        }
        print(String(format: "median: consume %.0f events/s, digest sweep %.2f s, overall %.0f events/s",
                     median(consumeRates), median(digestSeconds), median(totalRates)))
        print("peak memory (VmHWM): \(peakMemoryMiB()) MiB")
    }

    private func oneRound() async throws -> (Double, Double, Int, Int) {
        let directory = FileManager.default.temporaryDirectory.appending(path: "shouhu-bench-notify-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let settings = try Settings(service: .notification, environment: [
            "SHOUHU_JWT_SECRET": String(repeating: "s", count: 32), "SHOUHU_DATA_DIR": directory,
            // SMS "on" so each digest queues its SMS; nothing is sent (no worker runs here).
            "SHOUHU_SMS_URL": "http://127.0.0.1:9/send", "SHOUHU_NOTIFICATION_QUIET_HOURS": "off",
        ])
        let definition = NotificationService.definition
        let database = try ServiceDatabase(directory: directory, service: "notification", migrations: definition.migrations)
        let clock = ServiceClock(adjustable: true)
        let context = ServiceContext(settings: settings, database: database, logger: logger, clock: clock)
        let handler = InboxHandler(database: database, router: definition.eventHandlers(context), county: settings.county, logger: logger)
        let codec = EventCodec()
        var tag: UInt64 = 0
        func deliveries<E: Event>(_ envelopes: [Envelope<E>]) throws -> [Delivery] {
            try envelopes.map { envelope in
                tag += 1
                return Delivery(deliveryTag: tag, routingKey: E.routingKey, messageId: envelope.id, body: Array(try codec.encode(envelope)))
            }
        }
        func feed(_ all: [Delivery]) throws {
            for start in stride(from: 0, to: all.count, by: batch) {
                let dispositions = handler.handle(Array(all[start..<min(start + batch, all.count)]))
                guard dispositions.allSatisfy({ $0 == .ack }) else { throw ValidationError("a delivery was not acked: \(dispositions.first { $0 != .ack }!)") }
            }
        }
        // The directory first (not timed): mentors and the children they look after.
        let mentorIds = (0..<mentors).map { _ in UUID().uuidString.lowercased() }
        let childIds = (0..<(events / 2)).map { _ in UUID().uuidString.lowercased() }
        try feed(try deliveries(mentorIds.enumerated().map { index, id in
            Envelope(county: "520330", payload: MentorRegistered(mentorId: id, name: "帮扶人\(index)", role: .teacher, schoolId: "S-01",
                                                                 phone: "1380000\(String(format: "%04d", index % 10_000))"))
        }))
        let today = clock.today()
        try feed(try deliveries(childIds.enumerated().map { index, id in
            Envelope(county: "520330", payload: ChildRegistered(
                childId: id, name: "儿童\(index)", gender: .male, birthDate: CalendarDate("2015-01-01")!, schoolStage: .primary,
                schoolId: "S-01", villageCode: "520330100001", guardian: .init(relation: .grandparent, name: "祖母"),
                parents: [], familyFlags: [], registeredOn: today))
        }))
        let obligations: [Obligation] = [.homeVisit, .parentReport, .termCheck]
        let overdue = try deliveries((0..<events).map { index in
            Envelope(county: "520330", payload: VisitOverdue(
                childId: childIds[index % childIds.count], mentorIds: [mentorIds[index % mentors]],
                obligation: obligations[index / childIds.count % 3], dueOn: today.adding(days: -(index % 30) - 1),
                daysOverdue: index % 30 + 1, tier: .general))
        })
        let consumeStart = Date()
        try feed(overdue)
        let consume = Date().timeIntervalSince(consumeStart)

        clock.advance(days: 1)
        let digestStart = Date()
        let digests = try await NotificationService.runDigestOnce(context)
        let digest = Date().timeIntervalSince(digestStart)
        let inbox = try await database.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM notification") ?? 0 }
        return (consume, digest, digests, inbox)
    }
}
