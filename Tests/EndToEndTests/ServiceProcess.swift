import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One service executable started as its own process, as an operator would run it, with its
/// own data folder, port and broker prefix.
final class ServiceProcess {
    let name: String
    let port: Int
    let dataDirectory: String
    let process = Process()
    private let logFile: URL

    /// The folder holding the built executables (`.build/debug`), or `SHOUHU_BIN_DIR`.
    static var binDirectory: URL {
        if let dir = ProcessInfo.processInfo.environment["SHOUHU_BIN_DIR"] { return URL(filePath: dir) }
        var url = URL(filePath: #filePath)
        while url.path != "/" && !FileManager.default.fileExists(atPath: url.appending(path: "Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url.appending(path: ".build/debug")
    }

    init(_ name: String, port: Int, environment extra: [String: String]) throws {
        self.name = name
        self.port = port
        dataDirectory = FileManager.default.temporaryDirectory.appending(path: "shouhu-e2e-\(UUID().uuidString)").path
        logFile = URL(filePath: dataDirectory + ".log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        process.executableURL = Self.binDirectory.appending(path: "shouhu-\(name)")
        var environment = ProcessInfo.processInfo.environment
        environment["SHOUHU_DATA_DIR"] = dataDirectory
        environment["SHOUHU_\(name.uppercased())_PORT"] = String(port)
        environment["SHOUHU_JWT_SECRET"] = String(repeating: "e2e-secret-", count: 4)
        environment["SHOUHU_LOG_LEVEL"] = "info"
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let log = try FileHandle(forWritingTo: logFile)
        process.standardOutput = log
        process.standardError = log
        try process.run()
    }

    /// What the process has logged so far.
    var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// GETs a path on the service: status code and body, or nil when nothing answers.
    func get(_ path: String) async -> (status: Int, body: String)? {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.timeoutInterval = 2
        guard let (data, response) = try? await URLSession.shared.data(for: request),
              let http = response as? HTTPURLResponse else { return nil }
        return (http.statusCode, String(decoding: data, as: UTF8.self))
    }

    /// Sends SIGTERM and waits for the exit; nil if it did not exit in time (then it is killed).
    func terminate(timeout: TimeInterval = 20) async -> Int32? {
        guard process.isRunning else { return process.terminationStatus }
        process.terminate()
        let until = Date() + timeout
        while process.isRunning && Date() < until { try? await Task.sleep(nanoseconds: 50_000_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            return nil
        }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(atPath: dataDirectory)
        try? FileManager.default.removeItem(at: logFile)
    }
}
