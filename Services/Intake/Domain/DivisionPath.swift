/// Where a village sits in the tree that reports roll up along (village → township → county):
/// the county summary counts children by village and township (seed 000 篇二: villages report to
/// the community, communities to the county bureau).
public struct DivisionPath: Sendable, Hashable, Codable {
    /// The county.
    public let county: County
    /// The township the village belongs to.
    public let township: Township
    /// The village.
    public let village: Village

    /// Makes a path; `DivisionRegistry.path(of:)` is the usual way.
    public init(county: County, township: Township, village: Village) {
        self.county = county
        self.township = township
        self.village = village
    }
}
