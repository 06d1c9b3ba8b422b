import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import ShouhuEvents
import ShouhuMessaging
import ShouhuService
import ShouhuServiceTestSupport
import ShouhuTestSupport

/// The whole system as an operator runs it, for the end-to-end test: the five service
/// executables as separate processes on the real broker under a prefix of their own, with
/// movable clocks, an SMS gateway stand-in and a loopback SMTP server. Requests are signed
/// like any client's, with tokens for the role and scope asked for.
final class CountyUnderTest {
    static let secret = String(repeating: "e2e-secret-", count: 4)
    static let county = "520330"

    let prefix = "e2e-" + UUID().uuidString.prefix(8).lowercased()
    let gateway = SMSGatewayStub()
    let smtp: LoopbackSMTPServer
    private(set) var services: [ServiceName: ServiceProcess] = [:]

    init() throws {
        smtp = try LoopbackSMTPServer()
    }

    /// Starts the peers and the five services, and waits until each one is ready.
    func start() async throws {
        try await gateway.start()
        let base = 30_000 + 5 * Int.random(in: 0..<1_800)
        let common: [String: String] = [
            "SHOUHU_AMQP_URL": TestBroker.url,
            "SHOUHU_AMQP_PREFIX": prefix,
            "SHOUHU_COUNTY": Self.county,
            "SHOUHU_CLOCK_ADJUSTABLE": "true",
            "SHOUHU_ID_KEY": Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString(),
            "SHOUHU_SMS_URL": gateway.url,
            "SHOUHU_SMTP_URL": smtp.url,
            "SHOUHU_MENTORING_SWEEP_SECONDS": "1",
            "SHOUHU_NOTIFICATION_POLL_MS": "100",
            "SHOUHU_NOTIFICATION_QUIET_HOURS": "off",
            "SHOUHU_NOTIFICATION_DIGEST_SWEEP_SECONDS": "1",
            "SHOUHU_NOTIFICATION_RETRY_BASE_SECONDS": "1",
            "SHOUHU_FUNDING_DEBTOR_NAME": "习水县民政局",
            "SHOUHU_FUNDING_DEBTOR_ACCOUNT": "52050162360800000123",
            "SHOUHU_FUNDING_DEBTOR_BANK": "中国农业银行习水县支行",
        ]
        for (offset, service) in ServiceName.allCases.enumerated() {
            services[service] = try ServiceProcess(service.rawValue, port: base + offset, environment: common)
        }
        for (service, process) in services {
            let ready = await TestBroker.eventually(timeout: 90) { await process.get("/health/ready")?.status == 200 }
            guard ready else {
                throw CountyError("\(service.rawValue) did not become ready:\n\(process.log.suffix(3_000))")
            }
        }
    }

    /// Stops the services (SIGTERM, then SIGKILL), the peers, and deletes the broker topology.
    func stop() async {
        for process in services.values { _ = await process.terminate() }
        await gateway.stop()
        smtp.stop()
        try? BrokerAdmin(endpoint: try TestBroker.endpoint()).delete(Topology.contract(prefix: prefix, deliveryLimit: 5))
    }

    /// A token for `role`, as `subject`, scoped to a division or school when given.
    func token(_ role: Role, subject: String = "e2e", scope: String? = nil) -> String {
        JWTCodec(secret: Self.secret).sign(Caller(subject: subject, role: role, county: Self.county, scope: scope),
                                           expiresAt: Date() + 3_600)
    }

    /// Sends a request to `service` and returns the status and body.
    func call(_ service: ServiceName, _ method: String, _ path: String, as role: Role, subject: String = "e2e",
              scope: String? = nil, json: Any? = nil, body: Data? = nil, contentType: String = "application/json") async throws
        -> (status: Int, body: Data) {
        let process = try requireService(service)
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(process.port)\(path)")!, timeoutInterval: 60)
        request.httpMethod = method
        request.setValue("Bearer " + token(role, subject: subject, scope: scope), forHTTPHeaderField: "Authorization")
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        } else if let body {
            request.httpBody = body
            request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    /// Sends a request that must answer `expected`; returns the body as a JSON object.
    @discardableResult
    func expect(_ expected: Int, _ service: ServiceName, _ method: String, _ path: String, as role: Role, subject: String = "e2e",
                scope: String? = nil, json: Any? = nil, body: Data? = nil, contentType: String = "application/json") async throws
        -> [String: Any] {
        let answer = try await call(service, method, path, as: role, subject: subject, scope: scope, json: json, body: body,
                                    contentType: contentType)
        guard answer.status == expected else {
            throw CountyError("\(method) \(service.rawValue)\(path): HTTP \(answer.status), expected \(expected): "
                              + String(decoding: answer.body.prefix(500), as: UTF8.self))
        }
        return (try? JSONSerialization.jsonObject(with: answer.body) as? [String: Any]) ?? [:]
    }

    /// Moves every service's clock on by `days`, as the county's calendar would.
    func moveClocks(days: Int, of chosen: [ServiceName] = ServiceName.allCases) async throws {
        for service in chosen {
            try await expect(200, service, "POST", "/admin/clock", as: .admin, json: ["advanceDays": days])
        }
    }

    /// Runs `shouhu-admin` with `arguments` against this county, as an operator would: the
    /// services' addresses, the secret and the broker prefix in its environment.
    func admin(_ arguments: [String]) throws -> (status: Int32, output: String) {
        var environment = ProcessInfo.processInfo.environment
        environment["SHOUHU_JWT_SECRET"] = Self.secret
        environment["SHOUHU_COUNTY"] = Self.county
        environment["SHOUHU_AMQP_URL"] = TestBroker.url
        environment["SHOUHU_AMQP_PREFIX"] = prefix
        for (service, running) in services {
            environment["SHOUHU_\(service.rawValue.uppercased())_URL"] = "http://127.0.0.1:\(running.port)"
        }
        return try ProgramRun.run(ServiceProcess.binDirectory.appending(path: "shouhu-admin"), arguments, environment: environment)
    }

    /// Polls `condition` until it holds (true) or `timeout` passes (false).
    func eventually(timeout: TimeInterval = 60, _ condition: () async throws -> Bool) async rethrows -> Bool {
        try await TestBroker.eventually(timeout: timeout, every: 0.25, condition)
    }

    /// The logs of every service, for a failure message.
    var logs: String {
        services.sorted { $0.key.rawValue < $1.key.rawValue }
            .map { "--- \($0.key.rawValue)\n\($0.value.log.suffix(4_000))" }.joined(separator: "\n")
    }

    private func requireService(_ service: ServiceName) throws -> ServiceProcess {
        guard let process = services[service] else { throw CountyError("\(service.rawValue) is not started") }
        return process
    }
}

/// Why the county under test could not go on.
struct CountyError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
