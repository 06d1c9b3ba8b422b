import Foundation
import GRDB
import ShouhuEvents

/// Maps each consumed event type to the service's handler for it (`OnChildRegistered` …).
///
/// A handler runs inside the consumer's transaction: whatever it writes, and any follow-on
/// events it appends to the outbox, commit together with the inbox row that marks the event as
/// applied — or not at all.
public struct EventRouter: Sendable {
    typealias Route = @Sendable (Database, Data, EventCodec) throws -> Void
    private var routes: [String: Route] = [:]

    public init() {}

    /// Registers the handler for one event type; registering a type twice replaces the first.
    public mutating func on<E: Event>(_ type: E.Type, _ handle: @escaping @Sendable (Database, Envelope<E>) throws -> Void) {
        routes[E.routingKey] = { db, body, codec in
            let envelope = try codec.decode(E.self, from: body)
            try handle(db, envelope)
        }
    }

    /// The routing keys this router handles: what the service's queue binds.
    public var routingKeys: [String] { routes.keys.sorted() }

    /// Decodes and applies one event, throwing `EventDecodingError` for a body it must reject.
    func apply(_ db: Database, type: String, body: Data, codec: EventCodec) throws {
        guard let route = routes[type] else { throw EventRejection("no handler for event type \(type)") }
        try route(db, body, codec)
    }
}

/// Thrown by a handler for an event that can never be applied (it contradicts what the service
/// knows in a way no retry will change). The event is dead-lettered with this reason.
public struct EventRejection: Error, CustomStringConvertible, Sendable {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
