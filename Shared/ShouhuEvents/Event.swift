import Foundation

/// An event one Shouhu service publishes and others consume: the payload of an `Envelope`.
///
/// Each conforming type states its place in the contract (docs/contract.md, "Events on the
/// wire") as literals: the routing key is written out, never derived from the type's name, so a
/// rename in Swift cannot change the wire. `validate()` holds the rules a consumer checks before
/// acting on a payload; `EventCodec` runs it when it encodes and when it decodes.
public protocol Event: Codable, Sendable, Equatable {
    /// The routing key on the `shouhu.events` topic exchange, and the envelope's `type`
    /// (for example `child.registered`).
    static var routingKey: String { get }

    /// The one service that publishes this event.
    static var producer: ServiceName { get }

    /// The services whose queues are bound to this event's routing key (the contract's
    /// "consumed by" column).
    static var consumers: Set<ServiceName> { get }

    /// The payload's current major version, written into every envelope this code publishes.
    static var version: Int { get }

    /// The major versions this code can read. Defaults to `1...version`; narrow it when a new
    /// major version drops support for an old shape.
    static var supportedVersions: ClosedRange<Int> { get }

    /// Checks the rules the Swift types cannot express (formats, ranges, rules between fields).
    /// - Throws: `EventValidationError` naming the first offending field by its JSON path
    ///   relative to the payload (`guardian.phone`, `parents[1].since`).
    func validate() throws(EventValidationError)

    /// For `EventCodec` only: the body of an envelope of this event written by the event's own
    /// fast writer, or nil (the default) when the codec must take its Codable path. A
    /// requirement so that the codec reaches code made for the event's type without a cast.
    static func _wireBody(of envelope: Envelope<Self>) -> Data?

    /// For `EventCodec` only: an envelope of this event read by the event's own fast reader,
    /// not yet validated, or nil (the default) when the codec must take its Codable path.
    static func _wireEnvelope(from data: Data) -> Envelope<Self>?
}

extension Event {
    /// Every major version from 1 up to the current one.
    public static var supportedVersions: ClosedRange<Int> { 1...version }

    /// No fast writer: the codec's Codable path writes the event.
    public static func _wireBody(of envelope: Envelope<Self>) -> Data? { nil }

    /// No fast reader: the codec's Codable path reads the event.
    public static func _wireEnvelope(from data: Data) -> Envelope<Self>? { nil }
}
