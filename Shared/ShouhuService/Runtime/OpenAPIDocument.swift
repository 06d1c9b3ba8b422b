public import Foundation

/// Reads a service's OpenAPI document, kept in the repository as `Services/<Name>/openapi.json`
/// and shipped as the service's resource bundle (which must sit beside the executable).
public enum OpenAPIDocument {
    /// The document's text, or nil when the bundle has no `openapi.json`.
    public static func load(from bundle: Bundle) -> String? {
        bundle.url(forResource: "openapi", withExtension: "json").flatMap { try? String(contentsOf: $0, encoding: .utf8) }
    }
}
