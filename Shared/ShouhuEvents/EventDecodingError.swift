/// Why a message body could not be read as an event. A consumer that gets one of these rejects
/// the message to its dead-letter queue, logs the description and counts it (docs/contract.md);
/// it never crashes.
///
/// Fields are named by their JSON path from the envelope's root (`county`,
/// `payload.guardian.phone`, `payload.parents[1].since`), except inside `.invalidPayload`, whose
/// `EventValidationError` is relative to the payload.
public enum EventDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The body is not JSON, or is JSON but not an object.
    case notJSON
    /// A required field is absent or `null`.
    case missingField(String)
    /// A field is present but has the wrong JSON type or a value the contract does not allow.
    case invalidValue(field: String, reason: String)
    /// The envelope's `type` is no routing key this code knows.
    case unknownType(String)
    /// The envelope's major `version` is one this code cannot read for that type.
    case unsupportedVersion(type: String, version: Int)
    /// The envelope holds a known event, but not the one the caller asked for.
    case typeMismatch(expected: String, found: String)
    /// The payload decoded but breaks a rule of its event (`Event.validate()`).
    case invalidPayload(EventValidationError)

    /// One line for logs and dead-letter reasons.
    public var description: String {
        switch self {
        case .notJSON:
            return "the body is not a JSON object"
        case .missingField(let field):
            return "missing field \(field)"
        case .invalidValue(let field, let reason):
            return "invalid value at \(field): \(reason)"
        case .unknownType(let type):
            return "unknown event type \"\(type)\""
        case .unsupportedVersion(let type, let version):
            return "unsupported version \(version) of \(type)"
        case .typeMismatch(let expected, let found):
            return "expected a \(expected) event, found \(found)"
        case .invalidPayload(let error):
            return "invalid payload: \(error.nested(under: "payload"))"
        }
    }
}
