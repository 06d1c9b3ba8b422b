/// The names and shape of Shouhu's broker objects (contract.md, "Events on the wire").
///
/// One durable topic exchange for events; per consuming service a durable quorum queue
/// `<prefix>.<service>` bound to the routing keys it needs, with a delivery limit and a dead-letter
/// exchange; per service a dead-letter queue `<prefix>.<service>.dead`. Every connection declares
/// the whole topology, not only its own queue, so that an event published before its consumer
/// first started still has a queue to land in.
public struct Topology: Sendable, Equatable {
    /// The prefix of every name: `shouhu` in production; tests use a unique one so they can run
    /// side by side on one broker.
    public var prefix: String
    /// How many times a message may be delivered before it is dead-lettered.
    public var deliveryLimit: Int
    /// Each consuming queue's name suffix (the service) and the routing keys it binds.
    public var queues: [QueueSpec]

    public init(prefix: String = "shouhu", deliveryLimit: Int = 5, queues: [QueueSpec]) {
        self.prefix = prefix
        self.deliveryLimit = deliveryLimit
        self.queues = queues
    }

    /// The topic exchange every event is published to (`shouhu.events`).
    public var exchange: String { "\(prefix).events" }
    /// The direct exchange rejected messages go to (`shouhu.dead`).
    public var deadLetterExchange: String { "\(prefix).dead" }
    /// A consumer's queue (`shouhu.intake`).
    public func queue(_ consumer: String) -> String { "\(prefix).\(consumer)" }
    /// A consumer's dead-letter queue (`shouhu.intake.dead`).
    public func deadLetterQueue(_ consumer: String) -> String { "\(prefix).\(consumer).dead" }

    /// The arguments of a consuming queue. Changing them later makes the broker refuse the
    /// declaration (PRECONDITION_FAILED), so they are fixed here once.
    func queueArguments(_ consumer: String) -> [(String, AMQPFieldValue)] {
        [
            ("x-queue-type", .string("quorum")),
            ("x-delivery-limit", .int(Int64(deliveryLimit))),
            ("x-dead-letter-exchange", .string(deadLetterExchange)),
            ("x-dead-letter-routing-key", .string(consumer)),
            // At-least-once dead-lettering: a rejected message is not dropped if the dead-letter
            // queue cannot take it at that moment (quorum queues default to at-most-once).
            ("x-dead-letter-strategy", .string("at-least-once")),
            ("x-overflow", .string("reject-publish")),
        ]
    }

    /// Declares everything. Idempotent: declaring what exists with the same arguments is a no-op.
    func declare(on connection: AMQPConnection) throws(AMQPError) {
        try connection.declareExchange(exchange, type: "topic")
        try connection.declareExchange(deadLetterExchange, type: "direct")
        for spec in queues {
            try connection.declareQueue(deadLetterQueue(spec.consumer), arguments: [("x-queue-type", .string("quorum"))])
            try connection.bindQueue(deadLetterQueue(spec.consumer), exchange: deadLetterExchange, routingKey: spec.consumer)
            try connection.declareQueue(queue(spec.consumer), arguments: queueArguments(spec.consumer))
            for key in spec.routingKeys {
                try connection.bindQueue(queue(spec.consumer), exchange: exchange, routingKey: key)
            }
        }
    }
}

/// One consumer's queue: who consumes, and which routing keys it needs.
public struct QueueSpec: Sendable, Equatable {
    public var consumer: String
    public var routingKeys: [String]

    public init(consumer: String, routingKeys: [String]) {
        self.consumer = consumer
        self.routingKeys = routingKeys
    }
}
