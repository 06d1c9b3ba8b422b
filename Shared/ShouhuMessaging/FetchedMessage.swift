import Foundation

/// A message taken from a queue with basic.get (an operator's tool reading a dead-letter queue),
/// with the properties a person needs to judge it.
public struct FetchedMessage: Sendable, Equatable {
    /// The broker's tag on the fetching channel; acks or rejects it.
    public var deliveryTag: UInt64
    /// The routing key it arrived with (for a dead letter: the consumer's name).
    public var routingKey: String
    /// The AMQP `message_id`, our envelope id.
    public var messageId: String?
    /// The AMQP `type`, the event's routing key when our publisher sent it.
    public var type: String?
    /// The AMQP `app_id`, the producing service.
    public var appId: String?
    /// When it was first published.
    public var timestamp: Date?
    /// The body, as published.
    public var body: [UInt8]
    /// Whether the broker delivered it before.
    public var redelivered: Bool
}
