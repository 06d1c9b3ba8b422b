import Foundation

/// The operator's view of a service's dead-letter queue (`shouhu.<service>.dead`): list what is
/// there, and after a fix send it back through the normal path.
///
/// Replay publishes each message to the events exchange under its original routing key (the
/// AMQP `type`, else the envelope's `type`), waits for the broker's confirm, and only then acks
/// the dead copy. A crash in between leaves the dead copy in place; replaying it again is
/// harmless because every consumer's inbox drops an envelope id it has already applied. So no
/// message is lost and none takes effect twice.
public final class DeadLetters {
    private let connection: AMQPConnection
    private let topology: Topology

    /// One message in a dead-letter queue.
    public struct Entry: Sendable, Equatable {
        /// The envelope id (AMQP `message_id`).
        public var messageId: String?
        /// The event's routing key, when it can be told.
        public var eventType: String?
        /// The producing service (AMQP `app_id`).
        public var producer: String?
        /// When it was first published.
        public var publishedAt: Date?
        /// The body as text (UTF-8, or a note that it is not).
        public var body: String
    }

    /// What a replay did.
    public struct ReplayReport: Sendable, Equatable {
        /// Messages sent back to the exchange and acked from the dead-letter queue.
        public var replayed: [String] = []
        /// Messages left in the queue because they did not match the filter.
        public var skipped = 0
        /// Messages left in the queue because their routing key could not be told, with why.
        public var unreplayable: [String] = []
    }

    /// Connects for one operator command.
    public init(endpoint: BrokerEndpoint, topology: Topology) throws {
        connection = try AMQPConnection(endpoint: endpoint, connectionName: "shouhu-operator")
        self.topology = topology
    }

    /// Up to `limit` messages of `consumer`'s dead-letter queue, oldest first, left in place.
    public func list(consumer: String, limit: Int = 100) throws -> [Entry] {
        let queue = topology.deadLetterQueue(consumer)
        var entries: [Entry] = []
        var tags: [UInt64] = []
        // Messages taken here stay unacked until the end, so none is read twice.
        while entries.count < limit, let message = try connection.get(queue: queue) {
            tags.append(message.deliveryTag)
            entries.append(Self.entry(message))
        }
        // Put them all back, in order, for the next reader. The broker returns them
        // asynchronously: a reader that comes at once may find the queue briefly shorter.
        for tag in tags { try connection.reject(tag, requeue: true) }
        return entries
    }

    /// Sends `consumer`'s dead letters back through the exchange: all of them, or only those
    /// whose envelope id is in `ids`.
    public func replay(consumer: String, ids: Set<String>? = nil) throws -> ReplayReport {
        let queue = topology.deadLetterQueue(consumer)
        let depth = try connection.queueDepth(queue)
        try connection.enableConfirms()
        var report = ReplayReport()
        var kept: [UInt64] = []
        var published: UInt64 = 0
        for _ in 0..<depth {
            guard let message = try connection.get(queue: queue) else { break }
            if let ids, !ids.contains(message.messageId ?? "") {
                kept.append(message.deliveryTag)
                report.skipped += 1
                continue
            }
            guard let key = Self.eventType(of: message) else {
                kept.append(message.deliveryTag)
                report.unreplayable.append(message.messageId ?? "(no id)")
                continue
            }
            try connection.publish(exchange: topology.exchange, OutgoingMessage(
                routingKey: key, messageId: message.messageId ?? UUID().uuidString.lowercased(), body: message.body,
                timestamp: message.timestamp ?? Date(), appId: message.appId ?? "shouhu"))
            published += 1
            try waitForConfirm(of: published)
            try connection.ack(message.deliveryTag, multiple: false)
            report.replayed.append(message.messageId ?? "(no id)")
        }
        for tag in kept { try connection.reject(tag, requeue: true) }
        return report
    }

    private func waitForConfirm(of tag: UInt64) throws {
        let deadline = Date() + AMQPConnection.sendTimeout
        while Date() < deadline {
            switch try connection.waitFrame(timeout: 1) {
            case .ack(let acked, let multiple) where acked == tag || (multiple && acked >= tag): return
            case .nack(let nacked, let multiple) where nacked == tag || (multiple && nacked >= tag):
                throw AMQPError.library(status: -1, text: "the broker refused the replayed message", during: "replay")
            default: continue
            }
        }
        throw AMQPError.library(status: -1, text: "no confirm within \(Int(AMQPConnection.sendTimeout)) s", during: "replay")
    }

    /// The event's routing key: the AMQP `type` our publisher sets, else the envelope's `type`.
    static func eventType(of message: FetchedMessage) -> String? {
        if let type = message.type, !type.isEmpty { return type }
        guard let object = try? JSONSerialization.jsonObject(with: Data(message.body)) as? [String: Any],
              let type = object["type"] as? String, !type.isEmpty else { return nil }
        return type
    }

    static func entry(_ message: FetchedMessage) -> Entry {
        Entry(messageId: message.messageId, eventType: eventType(of: message), producer: message.appId,
              publishedAt: message.timestamp,
              body: String(validating: message.body, as: UTF8.self) ?? "(\(message.body.count) bytes, not UTF-8)")
    }
}
