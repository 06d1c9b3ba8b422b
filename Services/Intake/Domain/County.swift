/// A county or district (县/区), the division a deployment serves: a 6-digit code (GB/T 2260,
/// `SHOUHU_COUNTY`) and its name.
public struct County: Sendable, Hashable, Codable {
    /// Six digits, e.g. `520330`.
    public let code: String
    /// The Chinese name, e.g. 习水县.
    public let name: String

    /// Makes a county. The registry checks the code.
    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}
