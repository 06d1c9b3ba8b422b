import Foundation
public import ShouhuService

/// The funding service: pays relief-fund subsidies (救助基金) in approved batches and reconciles the bank's
/// results.
///
/// It runs on the shared runtime (store, outbox relay, consumer with inbox, health, metrics,
/// graceful shutdown); this definition is where its own tables, event handlers, routes and
/// sweeps are plugged in.
public enum FundingService {
    public static let definition = ServiceDefinition(
        name: .funding,
        openAPIDocument: OpenAPIDocument.load(from: .module))
}
