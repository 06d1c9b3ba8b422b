import Foundation
import GRDB
import ShouhuEvents

/// Maps each consumed event type to the service's handler for it (`OnChildRegistered` …).
///
/// A handler runs inside the consumer's transaction: whatever it writes, and any follow-on
/// events it appends to the outbox, commit together with the inbox row that marks the event as
/// applied — or not at all.
public struct EventRouter: Sendable {
    /// Decodes a body as one event type, asks `admit` whether to apply it (the inbox's
    /// first-time check), and applies it.
    typealias Route = @Sendable (Database, Data, EventCodec, _ admit: (EnvelopeHeader) throws -> Bool) throws -> Void
    private var routes: [String: Route] = [:]

    public init() {}

    /// Registers the handler for one event type; registering a type twice replaces the first.
    public mutating func on<E: Event>(_ type: E.Type, _ handle: @escaping @Sendable (Database, Envelope<E>) throws -> Void) {
        routes[E.routingKey] = { db, body, codec, admit in
            let envelope = try codec.decode(E.self, from: body)
            if try admit(envelope.header) { try handle(db, envelope) }
        }
    }

    /// The routing keys this router handles: what the service's queue binds.
    public var routingKeys: [String] { routes.keys.sorted() }

    /// Decodes and applies one event that arrived under `routingKey` (the relay always publishes
    /// an event under its own type, so a body of another type is a `typeMismatch` and rejected).
    /// Throws `EventDecodingError` or `EventRejection` for a body that can never be applied.
    func apply(_ db: Database, routingKey: String, body: Data, codec: EventCodec,
               admit: (EnvelopeHeader) throws -> Bool) throws {
        guard let route = routes[routingKey] else { throw EventRejection("no handler for event type \(routingKey)") }
        try route(db, body, codec, admit)
    }
}

/// Thrown by a handler for an event that can never be applied (it contradicts what the service
/// knows in a way no retry will change). The event is dead-lettered with this reason.
public struct EventRejection: Error, CustomStringConvertible, Sendable {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
