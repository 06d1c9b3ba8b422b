import ArgumentParser
import Foundation
import ShouhuEvents
import ShouhuMessaging
import ShouhuService

/// `shouhu-admin dead-letters list|replay --service S`: what a service could not apply, and
/// sending it back once the cause is fixed.
struct DeadLettersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dead-letters", abstract: "List or replay a service's dead-lettered messages.",
        subcommands: [List.self, Replay.self])

    /// Connects to the broker with the services' settings.
    static func open() throws -> DeadLetters {
        let settings = try ServiceEndpoints.brokerSettings(ProcessInfo.processInfo.environment)
        return try DeadLetters(endpoint: try ServiceRuntime.endpoint(settings), topology: ServiceRuntime.topology(settings))
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the dead letters of one service, oldest first; they stay where they are.")

        @Option(help: "The consuming service: \(ServiceName.allCases.map(\.rawValue).joined(separator: ", ")).")
        var service: ServiceName

        @Option(help: "At most this many.")
        var limit = 50

        @Flag(help: "Print each message's body too (it may hold a child's personal data).")
        var bodies = false

        func run() async throws {
            let entries = try DeadLettersCommand.open().list(consumer: service.rawValue, limit: limit)
            if entries.isEmpty { print("\(service.rawValue): no dead letters") }
            for entry in entries {
                let when = entry.publishedAt.flatMap { RFC3339.string(from: $0) } ?? "-"
                print("\(entry.messageId ?? "(no id)")  \(entry.eventType ?? "(unknown type)")  from \(entry.producer ?? "?")  at \(when)")
                if bodies { print("    \(entry.body)") }
            }
        }
    }

    struct Replay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send dead letters back through the events exchange; consumers ignore any they already applied.")

        @Option(help: "The consuming service whose dead letters to replay.")
        var service: ServiceName

        @Option(name: .customLong("id"), help: "An envelope id to replay (repeatable).")
        var ids: [String] = []

        @Flag(help: "Replay every dead letter of the service.")
        var all = false

        func validate() throws {
            guard all != !ids.isEmpty else { throw ValidationError("Give either --all or one or more --id.") }
        }

        func run() async throws {
            let report = try DeadLettersCommand.open().replay(consumer: service.rawValue, ids: all ? nil : Set(ids))
            print("replayed \(report.replayed.count): \(report.replayed.joined(separator: ", "))")
            if report.skipped > 0 { print("left in place (not chosen): \(report.skipped)") }
            if !report.unreplayable.isEmpty {
                print("left in place (no event type to route by): \(report.unreplayable.joined(separator: ", "))")
                throw ExitCode(1)
            }
        }
    }
}

extension ServiceName: ExpressibleByArgument {}
