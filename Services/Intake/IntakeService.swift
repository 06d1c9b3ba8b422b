import Foundation
public import ShouhuService

/// The intake service: the county ledger of left-behind children (台账, 一人一档). Villages and schools
/// register children; every change goes out as child.registered, child.updated or child.exited.
///
/// It runs on the shared runtime (store, outbox relay, consumer with inbox, health, metrics,
/// graceful shutdown); this definition is where its own tables, event handlers, routes and
/// sweeps are plugged in.
public enum IntakeService {
    public static let definition = ServiceDefinition(
        name: .intake,
        openAPIDocument: OpenAPIDocument.load(from: .module))
}
