import Dispatch
import Foundation
import ShouhuEvents

extension Change {
    /// Appends many events to the outbox in this transaction, in the order given, as `emit`
    /// would one by one: each body is made by the shared `EventCodec` and appended with the
    /// envelope's id, routing key and instant.
    ///
    /// Encoding is most of the cost of a large batch (the overdue sweep on a county's worst day
    /// appends tens of thousands of events), so it runs on the other cores while this thread
    /// appends what is already encoded. Only the encoding moves: every append still happens
    /// here, inside the transaction, and an envelope that fails validation fails the
    /// transaction as `emit` would.
    func emitAll<E: Event>(_ payloads: [E]) throws {
        let envelopes = payloads.map(envelope(for:))
        try EncodingPipeline.forEachEncoded(envelopes) { envelope, body in
            try outbox.append(id: envelope.id, routingKey: E.routingKey, body: body, in: db, at: envelope.occurredAt)
        }
    }
}

/// Encodes envelopes ahead of the thread that consumes them, a chunk at a time on the global
/// queue, with at most a few chunks in flight so memory stays bounded. When the consumer
/// reaches a chunk no worker has started, it encodes that chunk itself rather than wait.
enum EncodingPipeline {
    /// Envelopes per chunk.
    static let chunkSize = 512

    /// Calls `consume` with each envelope and its body, in order, on the calling thread.
    /// Rethrows the first error, from encoding or from `consume`; chunks still in flight then
    /// finish on their own and are dropped.
    static func forEachEncoded<E: Event>(
        _ envelopes: [Envelope<E>], _ consume: (Envelope<E>, Data) throws -> Void
    ) throws {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let chunks = stride(from: 0, to: envelopes.count, by: chunkSize).map {
            $0..<min($0 + chunkSize, envelopes.count)
        }
        @Sendable func encode(_ range: Range<Int>) -> Result<[Data], any Error> {
            let codec = EventCodec()
            return Result { try envelopes[range].map { try codec.encode($0) } }
        }
        let slots = chunks.map { _ in EncodedChunk() }
        // Chunk 0 is the consumer's own; workers start one ahead, so both begin at once.
        let window = chunks.count > 1 && cores > 1 ? 2 * cores : 0
        func start(_ index: Int) {
            guard index < chunks.count else { return }
            let (range, slot) = (chunks[index], slots[index])
            DispatchQueue.global(qos: .userInitiated).async {
                if slot.claim() { slot.finish(encode(range)) }
            }
        }
        for index in 1...max(1, window) where window > 0 { start(index) }
        for (index, range) in chunks.enumerated() {
            let bodies = try (slots[index].claim() ? encode(range) : slots[index].wait()).get()
            if window > 0 { start(index + 1 + window) }
            for (envelope, body) in zip(envelopes[range], bodies) { try consume(envelope, body) }
        }
    }
}

/// One chunk's bodies: encoded by whoever claims it first, a worker or the consumer.
private final class EncodedChunk: @unchecked Sendable {
    // @unchecked: `claimed` is read and set under `lock`; `result` is written by the worker that
    // claimed the chunk before it signals `ready`, and read by the consumer only after waiting on
    // `ready`, so the semaphore orders the two.
    private let lock = NSLock()
    private var claimed = false
    private var result: Result<[Data], any Error> = .success([])
    private let ready = DispatchSemaphore(value: 0)

    /// Whether the caller is the first to claim the chunk, and so must encode it.
    func claim() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if claimed { return false }
        claimed = true
        return true
    }

    /// Called by the worker that claimed the chunk, once it is encoded.
    func finish(_ result: Result<[Data], any Error>) {
        self.result = result
        ready.signal()
    }

    /// Waits for the worker that claimed the chunk, then hands over its bodies.
    func wait() -> Result<[Data], any Error> {
        ready.wait()
        defer { result = .success([]) }
        return result
    }
}
