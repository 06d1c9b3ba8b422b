/// A village or residents' committee (村委会/居委会): 12 digits, the township's 9 and 3 more, as in
/// the NBS statistical division codes (统计用区划代码). Each child's file names the village of the
/// home (seed 000 篇二: "以村为单位建立农村留守儿童台账").
public struct Village: Sendable, Hashable, Codable {
    /// Twelve digits, e.g. `520330101201`.
    public let code: String
    /// The Chinese name, when the county has loaded its village list; nil otherwise.
    public let name: String?

    /// Makes a village. The registry checks the code.
    public init(code: String, name: String?) {
        self.code = code
        self.name = name
    }

    /// The township it belongs to: its first nine digits.
    public var townshipCode: String { String(code.prefix(9)) }

    /// The county it belongs to: its first six digits.
    public var countyCode: String { String(code.prefix(6)) }
}
