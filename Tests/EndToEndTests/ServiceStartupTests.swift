import Foundation
import Testing
import ShouhuEvents
import ShouhuMessaging
import ShouhuService
import ShouhuTestSupport

/// Each of the five executables, started as an operator would: it opens its store, declares the
/// contract's topology, answers health and metrics, refuses requests without a token, and stops
/// cleanly on SIGTERM.
@Suite("Service executables start and stop")
struct ServiceStartupTests {
    @Test(arguments: ServiceName.allCases)
    func serviceStartsDeclaresItsQueueAndStopsCleanly(service: ServiceName) async throws {
        let prefix = "e2e-" + UUID().uuidString.prefix(8).lowercased()
        let topology = Topology.contract(prefix: prefix, deliveryLimit: 5)
        defer { try? BrokerAdmin(endpoint: TestBroker.endpoint()).delete(topology) }
        let port = 18_000 + Int.random(in: 0..<2_000)
        let running = try ServiceProcess(service.rawValue, port: port, environment: [
            "SHOUHU_AMQP_URL": TestBroker.url, "SHOUHU_AMQP_PREFIX": prefix,
        ])

        var ready: (status: Int, body: String)?
        let until = Date() + 30
        while Date() < until {
            ready = await running.get("/health/ready")
            if ready?.status == 200 { break }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        #expect(ready?.status == 200, "not ready: \(ready?.body ?? "no answer")\n\(running.log)")
        #expect(await running.get("/health/live")?.status == 200)
        #expect(await running.get("/metrics")?.body.contains("shouhu_http_requests_total") == true)
        #expect(await running.get("/children")?.status == 401)
        let document = await running.get("/openapi.json")
        #expect(document?.status == 200)
        #expect(document?.body.contains("\"openapi\"") == true, "the executable finds its resource bundle")

        // The whole contract topology exists, whoever started first.
        let admin = try BrokerAdmin(endpoint: TestBroker.endpoint())
        for spec in topology.queues {
            #expect(throws: Never.self) { try admin.depth(ofQueue: topology.queue(spec.consumer)) }
            #expect(throws: Never.self) { try admin.depth(ofQueue: topology.deadLetterQueue(spec.consumer)) }
        }
        #expect(FileManager.default.fileExists(atPath: "\(running.dataDirectory)/\(service.rawValue).sqlite"))

        let status = await running.terminate()
        #expect(status == 0, "exit status \(String(describing: status))\n\(running.log)")
        #expect(running.log.contains("stopped"))
    }

    @Test func aBadSettingStopsTheServiceWithAClearMessage() async throws {
        let running = try ServiceProcess("intake", port: 18_000 + Int.random(in: 2_000..<3_000), environment: [
            "SHOUHU_AMQP_URL": "http://nowhere/", "SHOUHU_COUNTY": "52",
        ])
        let until = Date() + 20
        while running.process.isRunning && Date() < until { try await Task.sleep(nanoseconds: 50_000_000) }
        #expect(!running.process.isRunning)
        #expect(running.process.terminationStatus == 1)
        #expect(running.log.contains("SHOUHU_"), "\(running.log)")
    }

    @Test func mintTokenPrintsATokenTheServiceAccepts() throws {
        let process = Process()
        process.executableURL = ServiceProcess.binDirectory.appending(path: "shouhu-intake")
        process.arguments = ["mint-token", "--role", "county_officer", "--subject", "officer-1"]
        let secret = String(repeating: "e2e-secret-", count: 4)
        process.environment = ["SHOUHU_JWT_SECRET": secret, "SHOUHU_COUNTY": "520330"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let token = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let caller = try JWTCodec(secret: secret).verify(token, county: "520330")
        #expect(caller.role == .countyOfficer)
        #expect(caller.subject == "officer-1")
    }
}
