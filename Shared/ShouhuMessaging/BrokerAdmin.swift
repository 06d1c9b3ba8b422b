import Foundation

/// Plain synchronous broker operations for tools and tests: declare or delete the topology, read
/// a queue's depth. Holds one connection; use it from one thread at a time and drop it when done.
public final class BrokerAdmin {
    private let connection: AMQPConnection

    /// Connects to the broker (throws when it cannot).
    public init(endpoint: BrokerEndpoint, connectionName: String = "shouhu-admin") throws {
        connection = try AMQPConnection(endpoint: endpoint, connectionName: connectionName)
    }

    /// Declares the exchanges and every queue of the topology, with their bindings.
    public func declare(_ topology: Topology) throws {
        try topology.declare(on: connection)
    }

    /// Messages ready in a queue (not counting those delivered and not yet acked).
    public func depth(ofQueue name: String) throws -> Int {
        try connection.queueDepth(name)
    }

    /// Deletes every queue and exchange of a topology. For tests, which each use their own
    /// prefix; never called on the production topology.
    public func delete(_ topology: Topology) throws {
        for spec in topology.queues {
            try connection.deleteQueue(topology.queue(spec.consumer))
            try connection.deleteQueue(topology.deadLetterQueue(spec.consumer))
        }
        try connection.deleteExchange(topology.exchange)
        try connection.deleteExchange(topology.deadLetterExchange)
    }
}
