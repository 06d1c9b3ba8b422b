import Foundation

/// Paths in the repository and small helpers for reading its deployment files.
enum RepositoryFiles {
    /// The repository root (three levels above this file).
    static let root: URL = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func url(_ path: String) -> URL { root.appending(path: path) }

    static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: url(path).path)
    }

    static func text(_ path: String) throws -> String {
        try String(contentsOf: url(path), encoding: .utf8)
    }

    /// Runs a program and returns its standard output; throws with its error output on failure.
    @discardableResult
    static func run(_ arguments: [String], input: Data? = nil, environment: [String: String]? = nil) throws -> Data {
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/env")
        process.arguments = arguments
        if let environment { process.environment = environment }
        let output = Pipe(), errors = Pipe(), stdin = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(input) }
        try stdin.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problems = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw DeployFileError("\(arguments.joined(separator: " ")) failed: \(String(decoding: problems, as: UTF8.self))")
        }
        return data
    }

    /// A YAML file read with Python's YAML parser (python3-yaml), as JSON objects.
    static func yaml(_ path: String) throws -> [String: Any] {
        let script = "import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), sys.stdout)"
        let json = try run(["python3", "-c", script, url(path).path])
        guard let object = try JSONSerialization.jsonObject(with: json) as? [String: Any] else {
            throw DeployFileError("\(path) is not a YAML mapping")
        }
        return object
    }
}

/// A deployment file that is not what the services need.
struct DeployFileError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
