import GRDB

/// Rings the outbox's wake signal when a transaction that inserted outbox rows commits, so the
/// relay publishes at once. One observer for the database's lifetime, told only of inserts into
/// `shouhu_outbox`: cheaper than a callback registered per appended event.
final class OutboxCommitObserver: TransactionObserver, @unchecked Sendable {
    // @unchecked: `appended` is only touched on the database's writer queue, inside the
    // transaction callbacks GRDB makes there, one at a time.
    private var appended = false
    private let signal: WakeSignal

    init(signal: WakeSignal) {
        self.signal = signal
    }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
        if case .insert(let table) = eventKind { return table == "shouhu_outbox" }
        return false
    }

    func databaseDidChange(with event: DatabaseEvent) {
        appended = true
    }

    func databaseDidCommit(_ db: Database) {
        if appended { signal.notify() }
        appended = false
    }

    func databaseDidRollback(_ db: Database) {
        appended = false
    }
}
