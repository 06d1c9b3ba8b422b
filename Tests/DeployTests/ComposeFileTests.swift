import Foundation
import ShouhuEvents
import ShouhuService
import Testing

/// docker-compose.yml cannot be run here (no Docker engine), so it is checked for what would
/// break it: it parses, every service exists as an executable with its contract port, health
/// check and own volume, the secrets go only where they are needed, and every file it mounts is
/// in the repository.
@Suite("docker-compose.yml")
struct ComposeFileTests {
    let compose: [String: Any]
    var services: [String: [String: Any]] { compose["services"] as? [String: [String: Any]] ?? [:] }

    init() throws {
        compose = try RepositoryFiles.yaml("docker-compose.yml")
    }

    @Test("it runs the broker and exactly the five services of the contract")
    func serviceNames() {
        #expect(Set(services.keys) == Set(ServiceName.allCases.map(\.rawValue) + ["rabbitmq"]))
    }

    @Test("each service runs its own executable on its contract port, with a health check and a volume",
          arguments: ServiceName.allCases)
    func serviceShape(service: ServiceName) throws {
        let entry = try #require(services[service.rawValue])
        let executable = "shouhu-\(service.rawValue)"
        #expect(entry["command"] as? [String] == [executable])
        let folder = service.rawValue.prefix(1).uppercased() + service.rawValue.dropFirst()
        #expect(RepositoryFiles.exists("Services/\(folder)/Main/main.swift"), "the executable's main exists")

        let environment = try #require(entry["environment"] as? [String: Any])
        let port = Settings.defaultPort(for: service)
        #expect(environment[Settings.portVariable(for: service)] as? String == "\(port)")
        #expect(environment["SHOUHU_DATA_DIR"] as? String == "/var/lib/shouhu")
        #expect(environment["SHOUHU_HTTP_HOST"] as? String == "0.0.0.0", "reachable from outside its container")
        #expect((environment["SHOUHU_AMQP_URL"] as? String)?.hasPrefix("amqp://shouhu:") == true)
        #expect((environment["SHOUHU_AMQP_URL"] as? String)?.hasSuffix("@rabbitmq:5672/") == true, "the broker's compose name")
        #expect((environment["SHOUHU_ID_KEY"] != nil) == (service == .intake), "the ID key goes to intake alone")

        let health = try #require((entry["healthcheck"] as? [String: Any])?["test"] as? [String])
        #expect(health.last == "http://127.0.0.1:\(port)/health/ready")
        #expect((entry["ports"] as? [String]) == ["\(port):\(port)"])
        #expect(entry["restart"] as? String == "unless-stopped")
        #expect((entry["volumes"] as? [String]) == ["\(service.rawValue)-data:/var/lib/shouhu"])
        let dependsOn = entry["depends_on"] as? [String: [String: String]]
        #expect(dependsOn?["rabbitmq"]?["condition"] == "service_healthy")
        let build = entry["build"] as? [String: String]
        #expect(build?["dockerfile"].map(RepositoryFiles.exists) == true)
    }

    @Test("every setting it passes is one the services read")
    func knownSettings() throws {
        let contract: Set<String> = [
            Settings.Variable.amqpURL, Settings.Variable.jwtSecret, Settings.Variable.county, Settings.Variable.dataDirectory,
            Settings.Variable.httpHost, Settings.Variable.logLevel, Settings.Variable.idKey, Settings.Variable.smsURL,
            Settings.Variable.smtpURL,
        ]
        let known = contract.union(ServiceName.allCases.map(Settings.portVariable(for:)))
        for (name, entry) in services where name != "rabbitmq" {
            let keys = Set((entry["environment"] as? [String: Any] ?? [:]).keys)
            #expect(keys.isSubset(of: known), "\(name) passes \(keys.subtracting(known).sorted())")
        }
    }

    @Test("the broker mounts files that exist and keeps its data in a volume")
    func brokerMounts() throws {
        let volumes = try #require(services["rabbitmq"]?["volumes"] as? [String])
        for mount in volumes where mount.hasPrefix("./") {
            let path = String(mount.dropFirst(2).prefix { $0 != ":" })
            #expect(RepositoryFiles.exists(path), "\(path) is mounted but missing")
        }
        #expect(volumes.contains("rabbitmq-data:/var/lib/rabbitmq"))
        #expect((services["rabbitmq"]?["image"] as? String)?.hasSuffix("-management") == true)
    }
}
