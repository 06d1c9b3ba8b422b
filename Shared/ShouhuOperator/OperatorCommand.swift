public import ArgumentParser
import ShouhuService

/// `shouhu-admin`: what an operator does by hand — mint a token, import a ledger file, see each
/// service's health and queues, list and replay dead letters, follow one child across the
/// services, write the broker's definitions.
///
/// Every command reads the same settings as the services (`SHOUHU_AMQP_URL`, `SHOUHU_JWT_SECRET`,
/// `SHOUHU_<SERVICE>_PORT`, …); a service's address is `SHOUHU_<SERVICE>_URL` when set, else
/// `http://127.0.0.1:<port>`.
public struct OperatorCommand: AsyncParsableCommand {
    /// The command tree.
    public static let configuration = CommandConfiguration(
        commandName: "shouhu-admin",
        abstract: "Shouhu's operator tool: tokens, imports, health, dead letters, a child's story.",
        subcommands: [
            MintTokenCommand.self, StatusCommand.self, DeadLettersCommand.self, ImportCommand.self,
            StoryCommand.self, DefinitionsCommand.self, DemoLoadCommand.self,
        ])

    /// Required by ArgumentParser.
    public init() {}

    /// Parses the command line and runs the chosen command, awaiting the asynchronous ones.
    /// (From another module, `main()` resolves to the synchronous entry point on Linux, which
    /// refuses asynchronous commands.)
    public static func runFromCommandLine() async {
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
