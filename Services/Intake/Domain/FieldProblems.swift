/// Every problem found in one request, thrown or returned as a failure when validation fails.
public struct FieldProblems: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The problems, in the order of the fields.
    public let problems: [FieldProblem]

    /// Wraps a list of problems.
    public init(_ problems: [FieldProblem]) {
        self.problems = problems
    }

    /// The problems for one field.
    public func problems(for field: String) -> [FieldProblem] {
        problems.filter { $0.field == field }
    }

    /// One problem a line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
