import Foundation

/// Validates an XML document against an XSD with `xmllint --noout --schema` (Debian's
/// libxml2-utils): the check every payment-file test makes, written once.
public enum XMLSchemaCheck {
    /// Writes `document` to a temporary file, runs xmllint on it, and returns its exit status
    /// (0 when valid) and its messages.
    public static func run(_ document: Data, schema: String) throws -> (status: Int32, output: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("xsd-check-\(UUID().uuidString).xml")
        try document.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try ProgramRun.run(URL(fileURLWithPath: "/usr/bin/env"), ["xmllint", "--noout", "--schema", schema, file.path])
    }
}
