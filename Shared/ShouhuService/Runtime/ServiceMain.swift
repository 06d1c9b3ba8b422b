import ArgumentParser
import Foundation

/// The entry point every service executable calls: `shouhu-<service>` (or `… serve`) runs the
/// service; `… mint-token --role R --subject S` prints a token for local use.
public enum ServiceMain {
    public static func main(_ definition: ServiceDefinition) async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let program = "shouhu-\(definition.name.rawValue)"
        switch arguments.first {
        case nil, "serve":
            do {
                try await ServiceRuntime.run(definition)
            } catch {
                FileHandle.standardError.write(Data("\(program): cannot start: \(LogRedaction.redact("\(error)"))\n".utf8))
                exit(1)
            }
        case "mint-token":
            MintTokenCommand.main(Array(arguments.dropFirst()))
        case "-h", "--help", "help":
            print("""
                usage: \(program) [serve]          run the service (settings from SHOUHU_* variables)
                       \(program) mint-token ...   print a signed token for local use (see mint-token --help)
                """)
        default:
            FileHandle.standardError.write(Data("\(program): unknown command \"\(arguments[0])\"; try --help\n".utf8))
            exit(64)
        }
    }
}
