import Foundation

/// The hand-written envelopes under `Golden/`, found next to this source file so that the tests
/// need no resource declaration.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // ShouhuEventsTests
        .appendingPathComponent("Golden")

    static func url(_ routingKey: String) -> URL {
        directory.appendingPathComponent(routingKey + ".json")
    }

    static func data(_ routingKey: String) throws -> Data {
        try Data(contentsOf: url(routingKey))
    }

    static func fileNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    /// A golden file as a mutable JSON object, to break one thing in it.
    static func object(_ routingKey: String) throws -> [String: Any] {
        let parsed = try JSONSerialization.jsonObject(with: data(routingKey))
        guard let object = parsed as? [String: Any] else { throw CocoaError(.fileReadCorruptFile) }
        return object
    }

    /// A golden file with one change made to its parsed object.
    static func mutated(_ routingKey: String, _ change: (inout [String: Any]) -> Void) throws -> Data {
        var object = try object(routingKey)
        change(&object)
        return try JSONSerialization.data(withJSONObject: object)
    }

    /// A golden file with one change made to its payload.
    static func mutatedPayload(_ routingKey: String, _ change: (inout [String: Any]) -> Void) throws
        -> Data
    {
        try mutated(routingKey) { envelope in
            var payload = envelope["payload"] as! [String: Any]
            change(&payload)
            envelope["payload"] = payload
        }
    }
}
