import Foundation
import ShouhuEvents
import Testing

/// deploy/Dockerfile cannot be built here; check that what it copies exists and that it builds
/// and installs every executable docker-compose.yml runs.
@Suite("deploy/Dockerfile")
struct DockerfileTests {
    let lines: [String]

    init() throws {
        lines = try RepositoryFiles.text("deploy/Dockerfile").split(separator: "\n").map(String.init)
    }

    @Test("every COPY from the build context names a path in the repository")
    func copiedPathsExist() {
        let copies = lines.filter { $0.hasPrefix("COPY ") && !$0.contains("--from=") }
        #expect(copies.count >= 4)
        for line in copies {
            let parts = line.split(separator: " ").dropFirst().filter { !$0.hasPrefix("--") }
            for source in parts.dropLast() {
                #expect(RepositoryFiles.exists(String(source)), "\(line): \(source) is missing")
            }
        }
    }

    @Test("it builds and installs each service's executable and the operator tool")
    func buildsEveryExecutable() {
        let text = lines.joined(separator: "\n")
        for service in ServiceName.allCases {
            #expect(text.contains("--product shouhu-\(service.rawValue)"))
        }
        #expect(text.contains("--product shouhu-admin"))
        #expect(text.contains("for exe in intake assessment mentoring notification funding admin"))
        #expect(text.contains("*.resources"), "the services' OpenAPI bundles go with them")
    }

    @Test("two stages: the Swift toolchain to build, slim Debian with rabbitmq-c to run, not as root")
    func stages() {
        let stages = lines.filter { $0.hasPrefix("FROM ") }
        #expect(stages.count == 2)
        #expect(stages.last == "FROM debian:bookworm-slim")
        #expect(lines.contains { $0.contains("librabbitmq4") })
        #expect(lines.contains("USER shouhu"))
    }
}
