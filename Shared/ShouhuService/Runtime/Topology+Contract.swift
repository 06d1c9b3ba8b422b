public import ShouhuMessaging
import ShouhuEvents

extension Topology {
    /// The contract's topology (contract.md, "Events on the wire"): one queue per consuming
    /// service, bound to the routing keys the event catalog says it consumes. A service that
    /// consumes nothing (intake) has no queue.
    ///
    /// - Parameter prefix: `shouhu` in production; tests give their own so they can share a broker.
    public static func contract(prefix: String = "shouhu", deliveryLimit: Int) -> Topology {
        let queues = ServiceName.allCases.compactMap { service -> QueueSpec? in
            let keys = EventCatalog.routingKeys(consumedBy: service)
            return keys.isEmpty ? nil : QueueSpec(consumer: service.rawValue, routingKeys: keys)
        }
        return Topology(prefix: prefix, deliveryLimit: deliveryLimit, queues: queues)
    }
}
