/// Every event of the contract in one list (docs/contract.md, the events table): what the
/// messaging layer binds queues from and what tests walk to check the contract.
public enum EventCatalog {
    /// All event types, in the order of the contract's table.
    public static var all: [any Event.Type] {
        [
            ChildRegistered.self, ChildUpdated.self, ChildExited.self,
            AssessmentRecorded.self, RiskEscalated.self, ReassessmentDue.self,
            MentorRegistered.self, MentorAssigned.self, MentorUnassigned.self,
            VisitRecorded.self, VisitOverdue.self,
            DisbursementApproved.self, DisbursementSettled.self,
        ]
    }

    /// The event type published under a routing key, or nil for a key the contract lacks.
    public static func type(forRoutingKey key: String) -> (any Event.Type)? {
        all.first { $0.routingKey == key }
    }

    /// The routing keys a service's queue (`shouhu.<service>`) binds to, in catalog order.
    public static func routingKeys(consumedBy service: ServiceName) -> [String] {
        all.filter { $0.consumers.contains(service) }.map { $0.routingKey }
    }

    /// The routing keys a service publishes, in catalog order.
    public static func routingKeys(producedBy service: ServiceName) -> [String] {
        all.filter { $0.producer == service }.map { $0.routingKey }
    }

    /// Routing keys claimed by more than one event type; empty when the catalog is sound.
    /// Two events under one key would be indistinguishable on the wire.
    public static var duplicateRoutingKeys: [String] {
        var seen = Set<String>()
        var duplicates: [String] = []
        for key in all.map({ $0.routingKey }) where !seen.insert(key).inserted {
            if !duplicates.contains(key) { duplicates.append(key) }
        }
        return duplicates
    }
}
