public import Metrics

/// The metrics of the event plumbing, named once so the publisher, the consumer, the relay and
/// dashboards agree. They go through plain swift-metrics; the service kit's `ShouhuMetrics`
/// exports them as Prometheus text.
///
/// | name | kind | labels | meaning |
/// | --- | --- | --- | --- |
/// | `shouhu_events_published_total` | counter | `type` (routing key) | events the broker confirmed |
/// | `shouhu_events_consumed_total` | counter | `type` | deliveries handled and acked (duplicates included) |
/// | `shouhu_events_dead_lettered_total` | counter | `type` | deliveries rejected to `shouhu.<service>.dead` |
/// | `shouhu_outbox_depth` | gauge | none | outbox rows not yet confirmed |
/// | `shouhu_consumer_lag` | gauge | `queue` | messages waiting in the queue, e.g. `shouhu.intake` |
///
/// A name must always be used with the same label names: the Prometheus registry traps when one
/// name is used both with and without labels. Metrics made before the metrics system is
/// bootstrapped go to swift-metrics' no-op backend for good, so a service bootstraps first
/// (`ServiceRuntime.run` does).
public enum EventMetrics {
    public static let publishedName = "shouhu_events_published_total"
    public static let consumedName = "shouhu_events_consumed_total"
    public static let deadLetteredName = "shouhu_events_dead_lettered_total"
    public static let outboxDepthName = "shouhu_outbox_depth"
    public static let consumerLagName = "shouhu_consumer_lag"

    /// The counter of confirmed publishes of events with routing key `type`.
    public static func published(type: String) -> Counter {
        Counter(label: publishedName, dimensions: [("type", type)])
    }

    /// The counter of handled deliveries of `type`.
    public static func consumed(type: String) -> Counter {
        Counter(label: consumedName, dimensions: [("type", type)])
    }

    /// The counter of dead-lettered deliveries of `type`.
    public static func deadLettered(type: String) -> Counter {
        Counter(label: deadLetteredName, dimensions: [("type", type)])
    }

    /// The gauge of outbox rows waiting for a broker confirm.
    public static func outboxDepth() -> Gauge {
        Gauge(label: outboxDepthName)
    }

    /// The gauge of messages waiting in `queue` (e.g. `shouhu.intake`).
    public static func consumerLag(queue: String) -> Gauge {
        Gauge(label: consumerLagName, dimensions: [("queue", queue)])
    }
}
