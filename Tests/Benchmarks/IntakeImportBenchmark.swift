import ArgumentParser
import Foundation
import GRDB
import Intake
import ShouhuEvents
import ShouhuMessaging
import Hummingbird
import HummingbirdTesting
import Logging
import ShouhuService
import ShouhuServiceTestSupport
import ShouhuStore
import ShouhuTestSupport

/// Intake's figure: a county's whole ledger (50,000 children by default) imported as one CSV
/// file through `POST /imports` on the running service, with every row registered, sealed,
/// recorded and its `child.registered` confirmed by the broker. Prints rows per second for the
/// import request, for the whole path until the outbox is empty, and the peak memory; and, as
/// wall time on a shared machine says as much about the neighbours as about intake, the CPU time
/// the whole process spent per row until every event was confirmed (request, import, relay).
struct IntakeImportBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake-import", abstract: "Import a generated ledger of N children through POST /imports.")

    @Option(help: "Children in the generated ledger.") var rows = 50_000
    @Option(help: "How many times to import (each into a fresh service); the median is reported.") var rounds = 1

    func run() async throws {
        let today = CalendarDate(Date())
        let file = Self.ledger(rows: rows, today: today)
        print("intake-import benchmark: \(rows) generated children, \(file.count / 1024) KiB CSV, \(rounds) round(s)")
        var importRates: [Double] = []
        var fullRates: [Double] = []
        var cpuPerRow: [Double] = []
        for round in 1...rounds {
            let (importRate, fullRate, cpu) = try await Self.withService { service in
                let start = Date()
                let cpuStart = processCPUSeconds()
                let token = JWTCodec(secret: ServiceHarness.jwtSecret).sign(
                    Caller(subject: "bench", role: .countyOfficer, county: service.settings.county), expiresAt: Date() + 3600)
                let response = try await service.client.execute(
                    uri: "/imports", method: .post,
                    headers: [.authorization: "Bearer \(token)", .contentType: "text/csv"], body: ByteBuffer(bytes: file))
                let imported = Date().timeIntervalSince(start)
                guard response.status == .created else {
                    throw HarnessError("import answered \(response.status): \(String(buffer: response.body).prefix(500))")
                }
                let created = try await service.context.database.pool.read { db in
                    try Int.fetchOne(db, sql: "SELECT created FROM imports") ?? 0
                }
                print(String(format: "  round %d: import answered in %.1f s (%.0f rows/s); waiting for the broker to confirm every event",
                             round, imported, Double(rows) / imported))
                fflush(nil)
                let drainedInTime = await TestBroker.eventually(timeout: 600) {
                    (try? await service.context.database.pool.read { db in try Outbox.depth(db) }) == 0
                }
                guard drainedInTime else { throw HarnessError("the outbox did not drain") }
                let drained = Date().timeIntervalSince(start)
                let cpu = processCPUSeconds() - cpuStart
                let published = try await service.context.database.pool.read { db in
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM shouhu_outbox WHERE publishedAt IS NOT NULL") ?? 0
                }
                let admin = try BrokerAdmin(endpoint: try BrokerEndpoint(url: service.settings.amqpURL.absoluteString))
                let queued = try admin.depth(ofQueue: service.topology.queue("assessment"))
                print(String(format: "  round %d: %d created; import answered in %.1f s (%.0f rows/s); outbox empty after %.1f s "
                             + "(%.0f rows/s); %d events confirmed by the broker, %d waiting in the assessment queue; "
                             + "process CPU %.1f s (%.0f µs per row)",
                             round, created, imported, Double(rows) / imported, drained, Double(rows) / drained,
                             published, queued, cpu, cpu * 1e6 / Double(rows)))
                guard created == rows, published == rows, queued == rows else {
                    throw HarnessError("not every row was created and published: created \(created), published \(published), queued \(queued)")
                }
                return (Double(rows) / imported, Double(rows) / drained, cpu * 1e6 / Double(rows))
            }
            importRates.append(importRate)
            fullRates.append(fullRate)
            cpuPerRow.append(cpu)
        }
        print(String(format: "median: import %.0f rows/s, until every event is confirmed %.0f rows/s (target ≥ 5,000 rows/s)",
                     median(importRates), median(fullRates)))
        print(String(format: "median process CPU per row: %.0f µs (user + system, all threads)", median(cpuPerRow)))
        print("peak memory (VmHWM): \(peakMemoryMiB()) MiB (target < 200 MiB)")
    }

    /// What a round sees of the running service.
    struct RunningService: Sendable {
        var settings: Settings
        var context: ServiceContext
        var topology: Topology
        var client: any TestClientProtocol
    }

    /// Runs the intake service in process, with its relay publishing to the real broker under a
    /// prefix of its own, and an in-process HTTP client without the live client's 20-second
    /// limit on one request (a county's whole ledger takes longer on a busy machine).
    static func withService<R: Sendable>(_ body: @Sendable (RunningService) async throws -> R) async throws -> R {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shouhu-bench-\(UUID().uuidString)").path
        let settings = try Settings(service: .intake, environment: [
            "SHOUHU_AMQP_URL": TestBroker.url, "SHOUHU_AMQP_PREFIX": "bench-" + UUID().uuidString.prefix(8).lowercased(),
            "SHOUHU_DATA_DIR": directory, "SHOUHU_JWT_SECRET": ServiceHarness.jwtSecret, "SHOUHU_ID_KEY": ServiceHarness.idKey,
            "SHOUHU_LOG_LEVEL": "error",
        ])
        var logger = Logger(label: "bench-intake")
        logger.logLevel = .error
        let (application, plumbing, context) = try ServiceRuntime.build(IntakeService.definition, settings: settings, logger: logger)
        let topology = ServiceRuntime.topology(settings)
        defer {
            try? BrokerAdmin(endpoint: try TestBroker.endpoint()).delete(topology)
            try? FileManager.default.removeItem(atPath: directory)
        }
        return try await application.test(.router) { client in
            _ = await TestBroker.eventually(timeout: 30) { plumbing.publisher.isConnected }
            return try await body(RunningService(settings: settings, context: context, topology: topology, client: client))
        }
    }

    /// A ledger with Chinese headers as a county exports it: every child valid, left-behind,
    /// with a distinct ID number, spread over the county's 26 townships.
    static func ledger(rows: Int, today: CalendarDate) -> Data {
        let townships = ["001", "002", "003", "004"] + (101...120).map(String.init) + ["205", "207"]
        let since = today.adding(days: -400).description
        var text = "序号,姓名,性别,出生日期,身份证号码,学段,学校,年级,村（居）委会代码,家庭住址,父亲状况,父亲务工地点,父亲外出时间,父亲电话,"
            + "母亲状况,母亲务工地点,母亲外出时间,母亲电话,监护人姓名,与儿童关系,监护人电话,监护人年龄,家庭情况,健康状况,学习状况\r\n"
        text.reserveCapacity(rows * 260)
        let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
        let given = Array("小明红华丽强军芳伟娜静敏燕艳勇杰涛超霞")
        for index in 0..<rows {
            let birth = today.adding(days: -(2_200 + index % 3_000))
            let sequence = (index / 3_000) * 2 + 1 + (index % 2 == 0 ? 0 : 100)
            let male = sequence % 2 == 1
            let id = Self.idNumber(birth: birth, sequence: sequence % 1000)
            let township = "520330" + townships[index % townships.count]
            let village = township + String(201 + index % 12)
            let name = "\(surnames[index % surnames.count])\(given[(index / 20) % given.count])\(given[(index / 400) % given.count])"
            let stage = index % 5 == 0 ? "初中" : "小学"
            let grade = index % 5 == 0 ? "初一" : "三年级"
            text += "\(index + 1),\(name),\(male ? "男" : "女"),\(birth),\(id),\(stage),xs-\(township)-\(index % 7),\(grade),\(village),"
                + "\(township)村\(index % 30)组,外出务工,浙江宁波,\(since),13800138000,外出务工,广东东莞,\(since),13900139000,"
                + "\(surnames[(index + 3) % surnames.count])德福,爷爷,13700137000,66,\(index % 4 == 0 ? "低保" : "无"),健康,良好\r\n"
        }
        return Data(text.utf8)
    }

    /// An ID number with its ISO 7064 MOD 11-2 check character.
    static func idNumber(birth: CalendarDate, sequence: Int) -> String {
        let body = "520330" + String(format: "%04d%02d%02d%03d", birth.year, birth.month, birth.day, sequence)
        var sum = 0
        for (index, byte) in body.utf8.enumerated() { sum += Int(byte - 48) * ((1 << (17 - index)) % 11) }
        return body + String(Array("10X98765432")[sum % 11])
    }
}
