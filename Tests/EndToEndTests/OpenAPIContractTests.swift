import Assessment
import Foundation
import Funding
import Hummingbird
import Intake
import Logging
import Mentoring
import Notification
import Testing
import ShouhuEvents
import ShouhuService
import ShouhuStore

/// Each service's OpenAPI document (`Services/<Name>/openapi.json`, served at `/openapi.json`)
/// lists exactly the routes the service registers: a route without documentation, or
/// documentation of a route that is not there, fails here.
@Suite("OpenAPI documents match the routes")
struct OpenAPIContractTests {
    static let definitions: [ServiceDefinition] = [
        IntakeService.definition, AssessmentService.definition, MentoringService.definition,
        NotificationService.definition, FundingService.definition,
    ]

    static func repositoryDocument(_ service: ServiceName) throws -> [String: Any] {
        var url = URL(filePath: #filePath)
        while !FileManager.default.fileExists(atPath: url.appending(path: "Package.swift").path) { url.deleteLastPathComponent() }
        let file = url.appending(path: "Services/\(service.rawValue.capitalized)/openapi.json")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
    }

    @Test(arguments: definitions.map(\.name))
    func documentedRoutesAreExactlyTheRegisteredOnes(service: ServiceName) throws {
        let definition = try #require(Self.definitions.first { $0.name == service })
        let served = try #require(definition.openAPIDocument, "the service ships its openapi.json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(served.utf8)) as? [String: Any])
        #expect(NSDictionary(dictionary: document).isEqual(to: try Self.repositoryDocument(service)),
                "the served document is the repository's file")
        #expect(document["openapi"] as? String == "3.1.0")

        var documented = Set<String>()
        for (path, item) in document["paths"] as? [String: [String: Any]] ?? [:] {
            for method in item.keys where ["get", "post", "put", "patch", "delete"].contains(method) {
                documented.insert("\(method.uppercased()) \(path)")
            }
        }

        let directory = FileManager.default.temporaryDirectory.appending(path: "shouhu-openapi-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let settings = try Settings(service: service, environment: [
            "SHOUHU_JWT_SECRET": String(repeating: "s", count: 32), "SHOUHU_DATA_DIR": directory,
        ])
        let database = try ServiceDatabase(directory: directory, service: service.rawValue, migrations: definition.migrations)
        let context = ServiceContext(settings: settings, database: database, logger: Logger(label: "test"))
        let router = ServiceRuntime.makeRouter(definition, context: context, readiness: [])
        // Hummingbird writes parameters as `:id`; OpenAPI as `{id}`.
        let registered = Set(router.routes.map { route in
            let path = "\(route.path)".split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
            return "\(route.method) /\(path.joined(separator: "/"))"
        })
        #expect(registered == documented, "registered but not documented: \(registered.subtracting(documented).sorted()); documented but not registered: \(documented.subtracting(registered).sorted())")
    }
}
