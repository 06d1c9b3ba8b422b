import Foundation
import ShouhuEvents
import ShouhuService

/// The HTTP side of the demo loader: JSON calls to the services as a given role, paging through
/// lists, waiting for readiness and for events to settle, and the closing summary.
struct DemoClient {
    let endpoints: ServiceEndpoints

    func send(_ service: ServiceName, _ method: String, _ path: String, json: (any Encodable)? = nil,
              as role: Role = .admin) async -> (status: Int, body: Data) {
        let body = json.flatMap { try? JSONEncoder().encode($0) }
        return await endpoints.call(service, method, path, role: role, body: body)
    }

    /// Sends a request and fails the demo unless the status is one of `ok`.
    func expect(_ service: ServiceName, _ method: String, _ path: String, json: (any Encodable)? = nil,
                body: Data? = nil, contentType: String = "application/json", ok: Set<Int>, as role: Role = .admin) async throws {
        let payload = body ?? json.flatMap { try? JSONEncoder().encode($0) }
        let (status, answer) = await endpoints.call(service, method, path, role: role, body: payload, contentType: contentType)
        guard ok.contains(status) else {
            throw DemoError("\(method) \(service.rawValue)\(path): HTTP \(status) \(String(decoding: answer.prefix(300), as: UTF8.self))")
        }
    }

    /// Every item of a paged list (`{"items": [...], "nextCursor": "..."}`).
    func collect(_ service: ServiceName, _ path: String, as role: Role) async throws -> [[String: Any]] {
        var items: [[String: Any]] = []
        var cursor: String?
        repeat {
            var query = path.contains("?") ? "&" : "?"
            query += "limit=500" + (cursor.map { "&cursor=\($0)" } ?? "")
            let (status, body) = await endpoints.call(service, "GET", path + query, role: role)
            guard status == 200, let page = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
                throw DemoError("GET \(service.rawValue)\(path): HTTP \(status) \(String(decoding: body.prefix(300), as: UTF8.self))")
            }
            items += page["items"] as? [[String: Any]] ?? []
            cursor = page["nextCursor"] as? String
        } while cursor != nil
        return items
    }

    /// Waits until every service answers `/health/ready` with 200.
    func waitUntilReady(timeout: TimeInterval) async throws {
        for service in ServiceName.allCases {
            let ready = try await eventually(timeout: timeout) {
                await endpoints.call(service, "GET", "/health/ready", role: nil).status == 200
            }
            guard ready else { throw DemoError("\(service.rawValue) is not ready at \(endpoints.baseURL(service))") }
        }
    }

    /// Polls `condition` every half second until it holds or `timeout` passes.
    func eventually(timeout: TimeInterval, _ condition: () async throws -> Bool) async throws -> Bool {
        let until = Date() + timeout
        repeat {
            if try await condition() { return true }
            try await Task.sleep(nanoseconds: 500_000_000)
        } while Date() < until
        return false
    }

    /// Prints what the county looks like now, in each service.
    func summarize(settle seconds: Int) async throws {
        try await Task.sleep(nanoseconds: UInt64(seconds) * 1_000_000_000)
        func json(_ service: ServiceName, _ path: String, as role: Role) async -> Any? {
            let (status, body) = await endpoints.call(service, "GET", path, role: role)
            return status == 200 ? try? JSONSerialization.jsonObject(with: body) : nil
        }
        print("demo: what happened")
        let children = (try? await collect(.intake, "/children", as: .countyOfficer))?.count ?? 0
        print("  children in the ledger:          \(children)")
        let keyTier = (try? await collect(.assessment, "/children?tier=key", as: .countyOfficer))?.count
        print("  key-tier children (4 hearts):    \(keyTier.map(String.init) ?? "?")")
        if let unpaired = try? await collect(.mentoring, "/children/unpaired", as: .countyOfficer) {
            let needs = unpaired.map { Set($0["needs"] as? [String] ?? []) }
            let none = needs.filter { $0.contains("any_mentor") || $0.isSuperset(of: ["teacher", "cadre"]) }.count
            print("  children without any mentor:     \(none)")
            print("  key-tier children short of their second mentor (listed at /children/unpaired): \(unpaired.count - none)")
        }
        if let stats = await json(.notification, "/notifications/stats", as: .admin) as? [String: Any] {
            print("  notifications:                   " + Self.channelSummary(stats))
        }
    }

    /// "548 in the inbox, 0 by SMS, 0 by e-mail" from `/notifications/stats`, naming what is pending or failed.
    static func channelSummary(_ stats: [String: Any]) -> String {
        let names = ["in_app": "in the inbox", "sms": "by SMS", "email": "by e-mail"]
        let totals = stats["totals"] as? [[String: Any]] ?? []
        return totals.map { row in
            let channel = row["channel"] as? String ?? "?"
            var text = "\(row["sent"] as? Int ?? 0) \(names[channel] ?? channel)"
            let waiting = (row["pending"] as? Int ?? 0) + (row["retrying"] as? Int ?? 0)
            if waiting > 0 { text += " (\(waiting) waiting)" }
            if let failed = row["failed"] as? Int, failed > 0 { text += " (\(failed) failed)" }
            return text
        }.joined(separator: ", ")
    }
}

/// Why the demo stopped.
struct DemoError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
