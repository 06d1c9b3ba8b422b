/// Why a payload or an envelope broke a rule of the contract: the field, as a JSON path
/// (`guardian.phone`, `parents[1].since`, `mentorIds[0]`), and a reason a person can read.
public struct EventValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The JSON path of the offending field, relative to the value that was validated.
    public let field: String
    /// What is wrong with it, in plain English.
    public let reason: String

    /// Makes an error for one field.
    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    /// `field: reason`.
    public var description: String { "\(field): \(reason)" }

    /// The same error seen from a containing value: `phone` under `guardian` becomes
    /// `guardian.phone`; under `parents[1]` it becomes `parents[1].phone`.
    public func nested(under parent: String) -> EventValidationError {
        guard !parent.isEmpty else { return self }
        if field.isEmpty { return EventValidationError(field: parent, reason: reason) }
        let joiner = field.hasPrefix("[") ? "" : "."
        return EventValidationError(field: parent + joiner + field, reason: reason)
    }
}
