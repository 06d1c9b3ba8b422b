/// A township, town or sub-district (乡/镇/街道): 9 digits, the county's 6 and 3 more, as in the
/// NBS statistical division codes (统计用区划代码).
public struct Township: Sendable, Hashable, Codable {
    /// Nine digits, e.g. `520330101` (土城镇).
    public let code: String
    /// The Chinese name.
    public let name: String

    /// Makes a township. The registry checks the code.
    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }

    /// The county it belongs to: its first six digits.
    public var countyCode: String { String(code.prefix(6)) }
}
