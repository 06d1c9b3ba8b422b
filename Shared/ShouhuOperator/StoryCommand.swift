import ArgumentParser
import Foundation
import ShouhuEvents

/// `shouhu-admin story CHILD_ID`: one child's whole story as each service holds it — the ledger
/// file (ID number masked), risk and assessments, mentors, visits and what is due, subsidies.
/// (Alerts are kept per recipient, not per child: read a mentor's inbox in notification.)
struct StoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "story", abstract: "Show one child's record in every service, by child id.")

    @Argument(help: "The child's id (a UUID from intake).")
    var childId: String

    /// What each service is asked, in the order a case worker reads them.
    static func questions(for child: String) -> [(ServiceName, String, String)] {
        [
            (.intake, "ledger file", "/children/\(child)"),
            (.assessment, "risk, ratings and assessment history", "/children/\(child)/risk"),
            (.mentoring, "mentors paired", "/children/\(child)/pairings"),
            (.mentoring, "visits and contacts", "/children/\(child)/visits"),
            (.mentoring, "obligations and due dates", "/children/\(child)/obligations"),
            (.funding, "subsidies paid", "/children/\(child)/payments"),
        ]
    }

    func run() async throws {
        guard UUID(uuidString: childId) != nil else { throw ValidationError("\(childId) is not a child id (a UUID).") }
        let endpoints = ServiceEndpoints()
        for (service, title, path) in Self.questions(for: childId.lowercased()) {
            let (status, body) = await endpoints.call(service, "GET", path, role: .countyOfficer)
            print("== \(service.rawValue): \(title) (HTTP \(status))")
            print(Self.pretty(body))
        }
    }

    static func pretty(_ body: Data) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: body),
              let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return String(decoding: body, as: UTF8.self) }
        return String(decoding: data, as: UTF8.self)
    }
}
