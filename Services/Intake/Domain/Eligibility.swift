/// The outcome of the left-behind definition for one child on one day. The HTTP layer answers
/// `422 not_left_behind` with the reasons when a registration is not eligible.
public enum Eligibility: Sendable, Hashable {
    /// The child counts as a left-behind child (留守儿童).
    case eligible
    /// The child does not count, with every reason in plain words (English, the Chinese in
    /// parentheses), in the order age, father, mother.
    case notLeftBehind(reasons: [String])

    /// Whether the child counts.
    public var isEligible: Bool {
        if case .eligible = self { return true }
        return false
    }

    /// The reasons the child does not count; empty when eligible.
    public var reasons: [String] {
        if case .notLeftBehind(let reasons) = self { return reasons }
        return []
    }
}
