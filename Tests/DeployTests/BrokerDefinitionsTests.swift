import Crypto
import Foundation
import ShouhuMessaging
import ShouhuService
import Testing

/// The broker's definitions must declare the queues exactly as the services do, or RabbitMQ
/// refuses the services' declarations; the users file must hold hashes RabbitMQ accepts.
@Suite("RabbitMQ definitions")
struct BrokerDefinitionsTests {
    @Test("topology.json is what the services declare (regenerate with `shouhu-admin definitions`)")
    func topologyMatchesTheCode() throws {
        let committed = try RepositoryFiles.text("deploy/rabbitmq/definitions/topology.json")
        let generated = try Topology.contract(prefix: "shouhu", deliveryLimit: 5).definitionsJSON()
        #expect(committed == generated)
    }

    @Test("make-env.sh writes every secret compose requires, and password hashes RabbitMQ can check")
    func makeEnvWritesSecrets() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "shouhu-env-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try RepositoryFiles.run(["bash", RepositoryFiles.url("deploy/docker/make-env.sh").path, folder.path])
        let env = try String(contentsOf: folder.appending(path: ".env"), encoding: .utf8)
        var values: [String: String] = [:]
        for line in env.split(separator: "\n") where !line.hasPrefix("#") {
            let pair = line.split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2 { values[pair[0]] = pair[1] }
        }
        let compose = try RepositoryFiles.text("docker-compose.yml")
        let required = compose.matches(of: /\$\{([A-Z_]+):\?/).map { String($0.1) }
        #expect(!required.isEmpty)
        for name in required {
            #expect(values[name]?.isEmpty == false, "\(name) is required by compose")
        }
        #expect(Data(base64Encoded: values["SHOUHU_ID_KEY"] ?? "")?.count == 32)

        let usersData = try Data(contentsOf: folder.appending(path: "deploy/rabbitmq/definitions/users.json"))
        let users = try #require(try JSONSerialization.jsonObject(with: usersData) as? [String: Any])
        let service = try #require((users["users"] as? [[String: Any]])?.first { $0["name"] as? String == "shouhu" })
        let hash = try #require(Data(base64Encoded: service["password_hash"] as? String ?? ""))
        let salt = hash.prefix(4)
        let password = Data((values["SHOUHU_BROKER_PASSWORD"] ?? "").utf8)
        #expect(Data(SHA256.hash(data: salt + password)) == hash.dropFirst(4))

        // Run again: the secrets stay (a new ID key would orphan every sealed ID number).
        try RepositoryFiles.run(["bash", RepositoryFiles.url("deploy/docker/make-env.sh").path, folder.path])
        #expect(try String(contentsOf: folder.appending(path: ".env"), encoding: .utf8) == env)
    }
}
