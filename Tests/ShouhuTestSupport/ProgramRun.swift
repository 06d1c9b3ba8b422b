import Foundation

/// Runs a program to its end and hands back its exit status with everything it printed
/// (standard output and standard error together): what a test reads when it checks a tool.
public enum ProgramRun {
    /// - Parameters:
    ///   - executable: the program's path.
    ///   - environment: its whole environment; nil inherits the test process's.
    public static func run(_ executable: URL, _ arguments: [String],
                           environment: [String: String]? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
