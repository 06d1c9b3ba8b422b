import ArgumentParser
import Foundation
import ShouhuEvents
import ShouhuMessaging
import ShouhuService

/// `shouhu-admin status`: each service's readiness, and each queue's waiting and dead messages.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show each service's health and its queue depth (waiting, dead-lettered).")

    func run() async throws {
        let endpoints = ServiceEndpoints()
        let settings = try ServiceEndpoints.brokerSettings(endpoints.environment)
        let topology = ServiceRuntime.topology(settings)
        let admin = try? BrokerAdmin(endpoint: try ServiceRuntime.endpoint(settings), connectionName: "shouhu-admin-status")
        print("service       health     queue  dead   address")
        var unhealthy = 0
        for service in ServiceName.allCases {
            let (status, body) = await endpoints.call(service, "GET", "/health/ready", role: nil)
            let health = status == 200 ? "ready" : status == 0 ? "down" : "not ready"
            if status != 200 { unhealthy += 1 }
            var depth = "-", dead = "-"
            if let admin, topology.queues.contains(where: { $0.consumer == service.rawValue }) {
                depth = (try? admin.depth(ofQueue: topology.queue(service.rawValue))).map(String.init) ?? "?"
                dead = (try? admin.depth(ofQueue: topology.deadLetterQueue(service.rawValue))).map(String.init) ?? "?"
            }
            let pad = { (text: String, width: Int) in text.padding(toLength: width, withPad: " ", startingAt: 0) }
            print(pad(service.rawValue, 14) + pad(health, 11) + pad(depth, 7) + pad(dead, 7) + endpoints.baseURL(service).absoluteString)
            if status != 200, status != 0, let detail = String(data: body, encoding: .utf8) { print("    \(detail)") }
        }
        if admin == nil { print("broker: cannot connect to \(settings.amqpURL.redactedForLogs)") }
        if unhealthy > 0 || admin == nil { throw ExitCode(1) }
    }
}

extension URL {
    /// The URL without its password, for printing.
    var redactedForLogs: String {
        guard var parts = URLComponents(url: self, resolvingAgainstBaseURL: false), parts.password != nil else {
            return absoluteString
        }
        parts.password = "***"
        return parts.string ?? "(url)"
    }
}
