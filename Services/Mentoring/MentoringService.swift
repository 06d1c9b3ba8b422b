import Foundation
public import ShouhuService

/// The mentoring service: pairs each child with mentors (结对帮扶), records visits and contacts (家访), and
/// finds overdue obligations.
///
/// It runs on the shared runtime (store, outbox relay, consumer with inbox, health, metrics,
/// graceful shutdown); this definition is where its own tables, event handlers, routes and
/// sweeps are plugged in.
public enum MentoringService {
    public static let definition = ServiceDefinition(
        name: .mentoring,
        openAPIDocument: OpenAPIDocument.load(from: .module))
}
