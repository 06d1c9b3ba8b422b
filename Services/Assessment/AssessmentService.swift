import Foundation
public import ShouhuService

/// The assessment service: rates each child's risk (分级, 心级): guardian category, harm level, guardian
/// rating and care level, and raises risk.escalated when it rises.
///
/// It runs on the shared runtime (store, outbox relay, consumer with inbox, health, metrics,
/// graceful shutdown); this definition is where its own tables, event handlers, routes and
/// sweeps are plugged in.
public enum AssessmentService {
    public static let definition = ServiceDefinition(
        name: .assessment,
        openAPIDocument: OpenAPIDocument.load(from: .module))
}
