/// Who made a request, as proven by their token.
public struct Caller: Sendable, Equatable, Hashable, Codable {
    /// The `sub` claim: the user's id in whatever directory issued the token.
    public var subject: String
    /// The `role` claim.
    public var role: Role
    /// The `county` claim: the six-digit code of the county the token is for.
    public var county: String
    /// The optional `scope` claim: a school id or a division code that narrows what the caller
    /// sees; `nil` means the whole county.
    public var scope: String?

    /// Makes a caller, e.g. to sign a token for it or to stand in for one in a test.
    public init(subject: String, role: Role, county: String, scope: String? = nil) {
        self.subject = subject
        self.role = role
        self.county = county
        self.scope = scope
    }
}
