/// A service's own long-running loop (for example notification's delivery worker), run by the
/// runtime beside the consumer, relay and sweeps, and cancelled on graceful shutdown.
///
/// `run` should loop until its task is cancelled and return promptly when it is.
public struct BackgroundWorker: Sendable {
    /// A name for logs.
    public let name: String
    /// The loop; returns when the task is cancelled.
    public let run: @Sendable () async -> Void

    /// Makes a named worker.
    public init(name: String, run: @escaping @Sendable () async -> Void) {
        self.name = name
        self.run = run
    }
}
