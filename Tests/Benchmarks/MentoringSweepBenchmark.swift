import ArgumentParser
import Foundation
import GRDB
import Logging
import Mentoring
import MentoringDomain
import ShouhuEvents
import ShouhuMessaging
import ShouhuService
import ShouhuStore

/// How long mentoring's overdue sweep takes over a county (target: under 1 s at 50,000
/// children, growing linearly or better). For each size, a fresh store is filled through the
/// real consumer path (inbox, handlers, auto-pairing, due dates): mentors at 0.4 per child
/// (20,000 for 50,000), 10 % key tier, registered over two weeks. Then the sweep is timed on a
/// quiet day (nothing overdue: the scan alone), on a day when one fourteenth of the home visits
/// have just become overdue (what a daily run alerts), and on the worst day, when every home
/// visit is overdue and never alerted (an alert and an event per child).
///
/// The headline is the worst case **committed**: from the start of its transaction to the return
/// of its COMMIT (the WAL written and synced, and the checkpoint SQLite runs inside the COMMIT),
/// each round on a fresh copy of the loaded store, median of `rounds`. It is split into the
/// sweep's work, the WAL commit and the checkpoint (see `CommittedSweepRound`). The rolled-back
/// figures (each sweep rolled back so every round sees the same work) are the breakdown: the
/// quiet day, the daily sweep and the worst case's work alone. The sweep encodes its events on
/// the other cores, so the worst case also prints the CPU time the process spent on all
/// threads: on a busy machine the wall time says more about the other processes than about the
/// sweep.
struct MentoringSweepBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mentoring-sweep", abstract: "Overdue sweep time over 5,000 to 50,000 children.")

    @Option(help: "Children per size, comma-separated.") var sizes = "5000,10000,20000,50000"
    @Option(help: "Mentors per child.") var mentorsPerChild = 0.4
    @Option(help: "Timed sweeps per size and day; the median is reported.") var rounds = 3
    @Flag(help: "Also print how much each table and index grew in the committed worst case.") var verbose = false
    @Option(help: "Copy the loaded store of the last size to this file (for experiments with sqlite3).") var keepStore: String?

    func run() async throws {
        let counts = sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        print("mentoring-sweep: sizes \(counts), \(mentorsPerChild) mentors per child, median of \(rounds) rounds")
        var worst: [(children: Int, toCommit: Double, withCheckpoint: Double)] = []
        // Growth is judged on the worst case, where the work is largest, with each size's own
        // checkpoint: below `wal_autocheckpoint` SQLite leaves it to the next writer, so the
        // time to COMMIT alone flatters the small sizes.
        for count in counts {
            let figures = try await measure(children: count)
            worst.append((count, figures.worst.total, figures.worst.totalWithCheckpoint))
        }
        if let first = worst.first, let last = worst.last, first.children != last.children {
            let size = Double(last.children) / Double(first.children)
            let growth = (last.withCheckpoint / first.withCheckpoint) / size
            print(String(format: "growth from %d to %d children, each with its own checkpoint: time ×%.2f for size ×%.1f "
                         + "(%.2f of linear; ≤ 1 is linear or better)",
                         first.children, last.children, last.withCheckpoint / first.withCheckpoint, size, growth))
            print(String(format: "  (to COMMIT only, the smaller sizes' checkpoints left to the next writer: ×%.2f, %.2f of linear)",
                         last.toCommit / first.toCommit, (last.toCommit / first.toCommit) / size))
        }
        print("peak memory (VmHWM): \(peakMemoryMiB()) MiB")
    }

    private func measure(children count: Int) async throws -> (quiet: Double, worst: CommittedSweepRound) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mentoring-bench-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let definition = MentoringService.definition
        let settings = try Settings(service: .mentoring, environment: [
            "SHOUHU_JWT_SECRET": String(repeating: "b", count: 32), "SHOUHU_DATA_DIR": directory,
        ])
        let database = try ServiceDatabase(directory: directory, service: "mentoring", migrations: definition.migrations)
        let start = CalendarDate("2026-03-02")!
        let clock = ServiceClock.fixed(at: start.startInstant().addingTimeInterval(10 * 3600))
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let context = ServiceContext(settings: settings, database: database, logger: logger, clock: clock)

        let loadStart = Date()
        let mentorCount = Int(Double(count) * mentorsPerChild)
        try await insertMentors(mentorCount, children: count, database, on: start)
        let inbox = InboxHandler(database: database, router: definition.eventHandlers(context), county: settings.county, logger: logger)
        let codec = EventCodec()
        var batch: [Delivery] = []
        var tag: UInt64 = 0
        func flush() {
            _ = inbox.handle(batch)
            batch.removeAll(keepingCapacity: true)
        }
        func deliver<E: Event>(_ payload: E) throws {
            tag += 1
            let body = try codec.encode(Envelope(county: settings.county, payload: payload))
            batch.append(Delivery(deliveryTag: tag, routingKey: E.routingKey, messageId: nil, body: Array(body)))
            if batch.count == 200 { flush() }
        }
        // Registrations spread over two weeks, as a survey comes in: home visits then fall due
        // on fourteen different days, as they do in a running county.
        for registrationDay in 0..<14 {
            for index in stride(from: registrationDay, to: count, by: 14) {
                let childId = Self.uuid(index, kind: 1)
                try deliver(child(index, count: count, id: childId, on: clock.today()))
                if index % 10 == 0 { try deliver(keyAssessment(childId, on: clock.today())) }
            }
            flush()
            clock.advance(days: 1)
        }
        let loadSeconds = Date().timeIntervalSince(loadStart)
        let (pairings, duties, unpaired) = try await database.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pairing") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM obligation WHERE fulfilledOn IS NULL AND closedOn IS NULL") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM child WHERE unmetNeeds IS NOT NULL") ?? 0)
        }

        let store = MentoringStore(database: database, policy: .standard, county: settings.county, logger: logger)
        func atTen(_ days: Int) -> Date { start.adding(days: days).startInstant().addingTimeInterval(10 * 3600) }
        let (quiet, _, _) = try timedRolledBack(store, at: atTen(5))
        let (daily, dailyAlerts, _) = try timedRolledBack(store, at: atTen(15))
        let worstDay = atTen(28)
        let (worst, alerts, worstCPU) = try timedRolledBack(store, at: worstDay)
        let pageSize = try await database.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0 }
        let committed = try committedRounds(database, at: worstDay, in: directory, settings: settings, logger: logger)
        print(String(format: "%6d children, %6d mentors: loaded in %.1f s through the inbox (%d pairings, %d open duties, %d unpaired)",
                     count, mentorCount, loadSeconds, pairings, duties, unpaired))
        print(String(format: "        worst case committed, every home visit overdue at once (%d alerts and events): %.3f s "
                     + "(median of %d; CPU %.3f s on all threads)",
                     committed.alerts, committed.total, rounds, committed.cpu))
        print(String(format: "          = work %.3f s (writer thread's CPU %.3f s; %d pages spilled from the page cache) "
                     + "+ WAL commit %.3f s + checkpoint %.3f s; %d WAL frames of %d-byte pages (%.1f MB)",
                     committed.work, committed.writerCPU, committed.spilledPages, committed.walCommit, committed.checkpoint,
                     committed.walFrames, pageSize, Double(committed.walFrames * (pageSize + 24)) / 1e6))
        if committed.deferredCheckpoint > 0 {
            print(String(format: "          (no checkpoint inside the COMMIT at this size; checkpointing its pages afterwards took %.3f s)",
                         committed.deferredCheckpoint))
        }
        for tree in committed.growth.prefix(8) {
            print("          \(tree.name) grew " + String(format: "%.2f MB", Double(tree.bytes) / 1e6))
        }
        print(String(format: "        rolled back: nothing overdue %.3f s; a day's newly overdue (%d alerts) %.3f s; "
                     + "the worst case's work (%d alerts) %.3f s (CPU %.3f s on all threads)",
                     quiet, dailyAlerts, daily, alerts, worst, worstCPU))
        return (quiet, committed)
    }

    /// The committed worst case, `rounds` times, each on a fresh copy of the store as loaded:
    /// the round with the median total (with the first round's growth, when measured).
    private func committedRounds(
        _ database: ServiceDatabase, at instant: Date, in directory: String, settings: Settings, logger: Logger
    ) throws -> CommittedSweepRound {
        let snapshot = (directory as NSString).appendingPathComponent("loaded.sqlite")
        try database.pool.writeWithoutTransaction { db in
            try db.checkpoint(.truncate)
            try FileManager.default.copyItem(atPath: database.path, toPath: snapshot)
        }
        if let keepStore {
            try? FileManager.default.removeItem(atPath: keepStore)
            try FileManager.default.copyItem(atPath: snapshot, toPath: keepStore)
        }
        var results: [CommittedSweepRound] = []
        for index in 0..<rounds {
            results.append(try CommittedSweepRound.run(
                snapshot: snapshot, in: (directory as NSString).appendingPathComponent("round-\(index)"), at: instant,
                measureGrowth: verbose && index == 0,
                makeStore: { MentoringStore(database: $0, policy: .standard, county: settings.county, logger: logger) },
                migrations: MentoringService.definition.migrations))
        }
        var median = results.sorted { $0.total < $1.total }[results.count / 2]
        median.growth = results.first?.growth ?? []
        return median
    }

    /// The median wall time of `rounds` sweeps at `instant`, each rolled back; how many it
    /// alerted; and the median CPU time of the process (all threads) during a sweep.
    private func timedRolledBack(_ store: MentoringStore, at instant: Date) throws -> (Double, Int, Double) {
        var times: [Double] = []
        var cpuTimes: [Double] = []
        var alerts = 0
        for _ in 0..<rounds {
            try store.database.pool.writeWithoutTransaction { db in
                try db.inTransaction {
                    let (began, cpuBegan) = (Date(), processCPUSeconds())
                    alerts = try store.sweepOverdue(db, at: instant)
                    times.append(Date().timeIntervalSince(began))
                    cpuTimes.append(processCPUSeconds() - cpuBegan)
                    return .rollback
                }
            }
        }
        return (median(times), alerts, median(cpuTimes))
    }

    // MARK: - The county: 25 children per village, 10 villages and 8 schools per township

    private static func uuid(_ index: Int, kind: Int) -> String {
        let hex = String(index, radix: 16)
        return String(format: "%08x", kind) + "-0000-4000-8000-" + String(repeating: "0", count: 12 - hex.count) + hex
    }

    private func place(_ index: Int, count: Int) -> (village: String, school: String) {
        let village = index / 25
        let township = village / 10
        let code = String(format: "520330%03d%03d", 100 + township, 1 + village % 10)
        return (code, "school-\(township)-\(index % 8)")
    }

    private func child(_ index: Int, count: Int, id: String, on day: CalendarDate) -> ChildRegistered {
        let (village, school) = place(index, count: count)
        return ChildRegistered(
            childId: id, name: "儿童\(index)", gender: index % 2 == 0 ? .male : .female, birthDate: CalendarDate("2015-06-01")!,
            schoolStage: .primary, schoolId: school, villageCode: village,
            guardian: .init(relation: .grandparent, name: "祖父母", phone: "13800000000"),
            parents: [.init(role: .father, status: .workingAway, place: "浙江", since: CalendarDate("2024-01-01")!)],
            familyFlags: [], registeredOn: day)
    }

    private func keyAssessment(_ childId: String, on day: CalendarDate) -> AssessmentRecorded {
        AssessmentRecorded(
            childId: childId, assessmentId: UUID().uuidString.lowercased(), guardianCategory: 3, harmLevel: 2,
            guardianRating: .fair,
            dimensionScores: .init(psychology: 4, physicalHealth: 3, studies: 3, guardianship: 4, safetyAndLiving: 3),
            careLevel: 4, tier: .key, assessedOn: day)
    }

    /// Mentors straight into the registry (a fixture, as an import would): 60 % teachers spread
    /// over the schools, 40 % cadres over the villages, capacity 3.
    private func insertMentors(_ mentors: Int, children: Int, _ database: ServiceDatabase, on day: CalendarDate) async throws {
        let places = (0..<children).map { place($0, count: children) }
        try await database.pool.write { db in
            let insert = try db.makeStatement(sql: """
                INSERT INTO mentor (id, name, role, schoolId, divisionCode, townshipCode, phone, capacity, registeredOn)
                VALUES (?, ?, ?, ?, ?, ?, '13900000000', 3, ?)
                """)
            for index in 0..<mentors {
                let (village, school) = places[(index * 7919) % places.count]
                let teacher = index % 5 < 3
                try insert.execute(arguments: [
                    Self.uuid(index, kind: 2), "帮扶人\(index)", teacher ? "teacher" : "cadre", teacher ? school : nil,
                    teacher ? nil : village, teacher ? nil : String(village.prefix(9)), day,
                ])
            }
        }
    }
}
