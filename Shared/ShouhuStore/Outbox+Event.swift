import Foundation
import GRDB
import ShouhuEvents

extension Outbox {
    /// Appends an event inside the caller's transaction, encoded once by the shared codec.
    /// The codec validates before encoding: an event that breaks the contract is a programming
    /// error in this service, and must fail the transaction rather than reach other services.
    public func append<E: Event>(_ envelope: Envelope<E>, in db: Database) throws {
        let body = try EventCodec().encode(envelope)
        try append(id: envelope.id, routingKey: E.routingKey, body: body, in: db, at: envelope.occurredAt)
    }
}
