import Foundation
import GRDB
public import Logging
public import MentoringDomain
import ShouhuEvents
public import ShouhuStore

/// The mentoring service's store: its projection of children, the mentor registry, pairings,
/// contacts and the instances of each duty. Every change runs in one write transaction and
/// appends the events it causes to the outbox in that same transaction.
///
/// The rules themselves (who is paired, when a duty is due, when to alert) are the domain's;
/// this type loads what they need, applies their answers and keeps the tables consistent.
public struct MentoringStore: Sendable {
    /// The service's database.
    public let database: ServiceDatabase
    /// The county's mentoring rules.
    public let policy: MentoringPolicy
    /// The deployment's county code, stamped on fresh envelopes.
    public let county: String
    /// Where warnings go (a child left unpaired).
    public let logger: Logger

    /// Makes the store over an open database.
    public init(database: ServiceDatabase, policy: MentoringPolicy, county: String, logger: Logger) {
        self.database = database
        self.policy = policy
        self.county = county
        self.logger = logger
    }

    /// A change in `db` happening at `now` (county day from the same instant).
    func change(_ db: Database, at now: Date, cause: EnvelopeHeader? = nil) -> Change {
        Change(db: db, today: OverdueRule.countyDay(at: now), now: now, county: county, cause: cause,
               outbox: database.outbox, logger: logger)
    }
}
