import Foundation

/// A bounded hand-over of rows from the thread that parses a sheet to the reader that asks for
/// them. The parser blocks when a few batches wait unread, so memory stays flat however long the
/// sheet; the reader blocks until a batch or the end arrives. Either side may stop: `cancel` (the
/// reader went away) makes `send` return false so the parser can abort.
final class SheetRowChannel: @unchecked Sendable {
    // All state is guarded by `condition`.
    private let condition = NSCondition()
    private var batches: [[SpreadsheetRow]] = []
    private var finished = false
    private var failure: ImportError?
    private var cancelled = false
    private let capacity: Int

    /// Makes a channel holding at most `capacity` unread batches.
    init(capacity: Int = 4) {
        self.capacity = max(1, capacity)
    }

    /// Hands over a batch, waiting while the channel is full.
    /// - Returns: false when the reader has cancelled: stop producing.
    func send(_ batch: [SpreadsheetRow]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !cancelled {
            condition.wait()
        }
        guard !cancelled else { return false }
        batches.append(batch)
        condition.broadcast()
        return true
    }

    /// Marks the end of the rows, with the error that ended them early, if any.
    func finish(failure: ImportError?) {
        condition.lock()
        finished = true
        self.failure = failure
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, waiting for it; after the last, the error that ended the sheet early, or
    /// nil at its end.
    func receive() -> Result<[SpreadsheetRow], ImportError>? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished {
            condition.wait()
        }
        if !batches.isEmpty {
            let batch = batches.removeFirst()
            condition.broadcast()
            return .success(batch)
        }
        if let failure {
            self.failure = nil
            return .failure(failure)
        }
        return nil
    }

    /// Tells the producer to stop.
    func cancel() {
        condition.lock()
        cancelled = true
        batches.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
