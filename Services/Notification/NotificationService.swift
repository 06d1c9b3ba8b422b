import Foundation
public import ShouhuService

/// The notification service: tells mentors, officers and parents what they must know: in the app, by SMS
/// and by e-mail.
///
/// It runs on the shared runtime (store, outbox relay, consumer with inbox, health, metrics,
/// graceful shutdown); this definition is where its own tables, event handlers, routes and
/// sweeps are plugged in.
public enum NotificationService {
    public static let definition = ServiceDefinition(
        name: .notification,
        openAPIDocument: OpenAPIDocument.load(from: .module))
}
