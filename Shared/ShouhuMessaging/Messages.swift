import Foundation

/// One message to publish: already-encoded bytes plus what AMQP properties need. Built by the
/// outbox relay from a stored row; the messaging layer never looks inside the body.
public struct OutgoingMessage: Sendable, Equatable {
    /// The event's routing key (`child.registered`); also sent as the AMQP `type`.
    public var routingKey: String
    /// The envelope id, sent as the AMQP `message_id`.
    public var messageId: String
    public var body: [UInt8]
    public var timestamp: Date
    public var contentType: String
    /// The producing service, sent as the AMQP `app_id`.
    public var appId: String

    public init(routingKey: String, messageId: String, body: [UInt8], timestamp: Date = Date(),
                contentType: String = "application/json", appId: String = "shouhu") {
        self.routingKey = routingKey
        self.messageId = messageId
        self.body = body
        self.timestamp = timestamp
        self.contentType = contentType
        self.appId = appId
    }
}

/// What the broker said about one published message.
public enum PublishOutcome: Sendable, Equatable {
    /// The broker has the message safely (for a quorum queue: written on a majority).
    case confirmed
    /// The broker refused it (basic.nack); send it again later.
    case nacked
    /// No answer before the connection failed or the confirm timed out; send it again later.
    case unconfirmed(String)

    public var isConfirmed: Bool { self == .confirmed }
}

/// One message taken from a queue, copied out of rabbitmq-c's buffers.
public struct Delivery: Sendable, Equatable {
    /// The broker's tag for this delivery on this channel; used to ack or reject it.
    public var deliveryTag: UInt64
    public var routingKey: String
    public var messageId: String?
    public var body: [UInt8]
    /// Set by the broker when the message was delivered before and not acked.
    public var redelivered: Bool
    /// Quorum queues count failed deliveries in `x-delivery-count`.
    public var deliveryCount: Int?

    public init(deliveryTag: UInt64, routingKey: String, messageId: String?, body: [UInt8],
                redelivered: Bool = false, deliveryCount: Int? = nil) {
        self.deliveryTag = deliveryTag
        self.routingKey = routingKey
        self.messageId = messageId
        self.body = body
        self.redelivered = redelivered
        self.deliveryCount = deliveryCount
    }
}

/// What to do with a delivery once its handler ran.
public enum DeliveryDisposition: Sendable, Equatable {
    /// Handled (or a duplicate already handled): remove it from the queue.
    case ack
    /// Can never succeed (not JSON, unknown version, invalid payload): dead-letter it now.
    case deadLetter(reason: String)
    /// Failed for a reason that may pass (database busy, disk full): put it back; the queue's
    /// delivery limit dead-letters it if it keeps failing.
    case retry(reason: String)
}

/// Applies a batch of deliveries and says what to do with each. Runs on the consumer's handler
/// thread, one batch at a time, so it may block (for example in a synchronous database transaction); it must return
/// exactly one disposition per delivery, in order.
public protocol DeliveryHandler: Sendable {
    func handle(_ batch: [Delivery]) -> [DeliveryDisposition]
}
