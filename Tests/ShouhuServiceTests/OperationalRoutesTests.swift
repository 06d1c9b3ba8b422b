import Foundation
import Hummingbird
import HummingbirdTesting
import ShouhuMessaging
import Testing

@testable import ShouhuService

extension ShouhuServiceTests {
    @Suite struct OperationalRoutesTests {
        struct ReadyBody: Decodable {
            struct Check: Decodable {
                var name: String
                var ready: Bool
                var detail: String
            }

            var status: String
            var checks: [Check]
        }

        static func app(_ checks: [ReadinessCheck] = []) -> some ApplicationProtocol {
            HTTPTests.makeApplication(readiness: checks)
        }

        @Test func liveNeedsNoToken() async throws {
            try await Self.app().test(.router) { client in
                let response = try await client.execute(uri: "/health/live", method: .get)
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == #"{"status":"live"}"#)
            }
        }

        @Test func readyIs503WhenACheckFails() async throws {
            let checks = [
                ReadinessCheck(name: "store") { (true, "open") },
                ReadinessCheck(name: "broker") { (false, "connecting to 127.0.0.1:5672") },
            ]
            try await Self.app(checks).test(.router) { client in
                let response = try await client.execute(uri: "/health/ready", method: .get)
                #expect(response.status == .serviceUnavailable)
                let body = try JSONDecoder().decode(ReadyBody.self, from: Data(response.body.readableBytesView))
                #expect(body.status == "not_ready")
                #expect(body.checks.map(\.name) == ["store", "broker"])
                #expect(body.checks.map(\.ready) == [true, false])
                #expect(body.checks[1].detail == "connecting to 127.0.0.1:5672")
            }
        }

        @Test func readyIs200WhenAllChecksPass() async throws {
            let checks = [
                ReadinessCheck(name: "store") { (true, "open") },
                ReadinessCheck(name: "broker") {
                    try? await Task.sleep(for: .milliseconds(10))
                    return (true, "connected")
                },
            ]
            try await Self.app(checks).test(.router) { client in
                let response = try await client.execute(uri: "/health/ready", method: .get)
                #expect(response.status == .ok)
                let body = try JSONDecoder().decode(ReadyBody.self, from: Data(response.body.readableBytesView))
                #expect(body.status == "ready")
                #expect(body.checks.count == 2)
            }
        }

        @Test func metricsCountHTTPRequests() async throws {
            try await Self.app().test(.router) { client in
                let officer = HTTPTests.officer
                _ = try await client.execute(uri: "/reports/summary", method: .get, headers: officer)
                _ = try await client.execute(uri: "/reports/summary", method: .get)
                let response = try await client.execute(uri: "/metrics", method: .get)
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/plain; version=0.0.4")
                let text = String(buffer: response.body)
                #expect(text.contains("# TYPE shouhu_http_requests_total counter"))
                #expect(text.contains(#"shouhu_http_requests_total{route="/reports/summary",method="GET",status="200"}"#))
                #expect(text.contains(#"shouhu_http_requests_total{route="/reports/summary",method="GET",status="401"}"#))
                #expect(text.contains("shouhu_http_request_duration_seconds_bucket"))
            }
        }

        @Test func eventMetricsLandInTheSameRegistry() {
            _ = ShouhuMetrics.bootstrap()
            EventMetrics.published(type: "child.registered").increment(by: 2)
            EventMetrics.deadLettered(type: "visit.recorded").increment()
            EventMetrics.outboxDepth().record(7)
            EventMetrics.consumerLag(queue: "shouhu.test").record(3)
            let text = ShouhuMetrics.bootstrap().render()
            #expect(text.contains(#"shouhu_events_published_total{type="child.registered"}"#))
            #expect(text.contains(#"shouhu_events_dead_lettered_total{type="visit.recorded"} 1"#))
            #expect(text.contains("shouhu_outbox_depth 7"))
            #expect(text.contains(#"shouhu_consumer_lag{queue="shouhu.test"} 3"#))
        }

        @Test func theOpenAPIDocumentIsServedWithoutAToken() async throws {
            let router = ShouhuRouter.make(
                codec: ShouhuServiceTests.codec,
                county: ShouhuServiceTests.county,
                openAPIDocument: #"{"openapi":"3.1.0"}"#
            )
            try await Application(router: router).test(.router) { client in
                let response = try await client.execute(uri: "/openapi.json", method: .get)
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == #"{"openapi":"3.1.0"}"#)
            }
        }
    }
}
