import Foundation
import GRDB
import Logging
import ShouhuEvents
import ShouhuStore

/// One write to the mentoring store: its transaction, the county day and instant it happens at
/// (from the service's clock), and the event that caused it, so follow-on events carry the
/// chain's correlation id.
struct Change {
    let db: Database
    let today: CalendarDate
    let now: Date
    let county: String
    let cause: EnvelopeHeader?
    let outbox: Outbox
    let logger: Logger

    /// Appends an event to the outbox in this transaction.
    func emit<E: Event>(_ payload: E) throws {
        try outbox.append(envelope(for: payload), in: db)
    }

    /// The envelope for an event of this change: caused by its cause when it has one, else
    /// starting a chain of its own in the county.
    func envelope<E: Event>(for payload: E) -> Envelope<E> {
        cause.map { Envelope.caused(by: $0, occurredAt: now, payload: payload) }
            ?? Envelope(occurredAt: now, county: county, payload: payload)
    }
}
