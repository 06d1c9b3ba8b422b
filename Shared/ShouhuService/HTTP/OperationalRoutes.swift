import Foundation
public import Hummingbird

/// The routes every service serves without a token: `GET /health/live`, `GET /health/ready`,
/// `GET /metrics` and, when given, `GET /openapi.json`.
public struct OperationalRoutes: Sendable {
    /// What `/health/ready` asks, in the order it lists them.
    public let readiness: [ReadinessCheck]
    /// The registry `/metrics` renders.
    public let metrics: ShouhuMetrics
    /// The service's OpenAPI document, served as `/openapi.json` when not `nil`.
    public let openAPIDocument: String?

    /// The content type of Prometheus' text exposition format.
    public static let metricsContentType = "text/plain; version=0.0.4"

    /// Makes the routes.
    public init(readiness: [ReadinessCheck], metrics: ShouhuMetrics = .shared, openAPIDocument: String? = nil) {
        self.readiness = readiness
        self.metrics = metrics
        self.openAPIDocument = openAPIDocument
    }

    /// Adds the routes to `router`. Add the middleware first: Hummingbird applies a middleware
    /// only to routes added after it.
    public func add<Context: RequestContext>(to router: Router<Context>) {
        router.get("/health/live") { _, _ in
            Self.json(LiveBody(status: "live"), status: .ok)
        }
        let readiness = self.readiness
        router.get("/health/ready") { _, _ in
            let body = await Self.runChecks(readiness)
            return Self.json(body, status: body.status == "ready" ? .ok : .serviceUnavailable)
        }
        let metrics = self.metrics
        router.get("/metrics") { _, _ in
            let text = metrics.render()
            return Response(
                status: .ok,
                headers: [.contentType: Self.metricsContentType, .contentLength: String(text.utf8.count)],
                body: .init(byteBuffer: ByteBuffer(string: text))
            )
        }
        if let document = openAPIDocument {
            router.get("/openapi.json") { _, _ in
                Response(
                    status: .ok,
                    headers: [.contentType: "application/json", .contentLength: String(document.utf8.count)],
                    body: .init(byteBuffer: ByteBuffer(string: document))
                )
            }
        }
    }

    /// Runs every check at once (one slow part should not add to another's time) and keeps
    /// their order in the body.
    static func runChecks(_ checks: [ReadinessCheck]) async -> ReadyBody {
        let results = await withTaskGroup(of: (Int, ReadyBody.Check).self) { group in
            for (index, check) in checks.enumerated() {
                group.addTask {
                    let (ready, detail) = await check.check()
                    return (index, ReadyBody.Check(name: check.name, ready: ready, detail: detail))
                }
            }
            var results: [(Int, ReadyBody.Check)] = []
            for await result in group {
                results.append(result)
            }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
        let ready = results.allSatisfy(\.ready)
        return ReadyBody(status: ready ? "ready" : "not_ready", checks: results)
    }

    private static func json(_ value: some Encodable, status: HTTPResponse.Status) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(
            status: status,
            headers: [.contentType: "application/json", .contentLength: String(data.count)],
            body: .init(byteBuffer: ByteBuffer(bytes: data))
        )
    }

    /// `{"status":"live"}`.
    struct LiveBody: Codable {
        var status: String
    }

    /// `{"status":"ready"|"not_ready","checks":[{"name":…,"ready":…,"detail":…}]}`.
    struct ReadyBody: Codable, Sendable {
        var status: String
        var checks: [Check]

        struct Check: Codable, Sendable {
            var name: String
            var ready: Bool
            var detail: String
        }
    }
}
