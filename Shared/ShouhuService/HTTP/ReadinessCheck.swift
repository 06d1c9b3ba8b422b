/// One thing `/health/ready` asks before it says the service may take traffic, e.g. "store"
/// (the SQLite file is open) or "broker" (the AMQP connection is up).
///
/// A check should read state the component already keeps (a connection flag, a last-success
/// time) and return at once: a load balancer polls it every few seconds and it must not queue
/// behind a broker that is timing out.
public struct ReadinessCheck: Sendable {
    /// The name shown in the readiness body.
    public let name: String
    /// Answers whether this part is ready, with a short detail for a person reading the body.
    public let check: @Sendable () async -> (ready: Bool, detail: String)

    /// Makes a named check.
    public init(name: String, check: @escaping @Sendable () async -> (ready: Bool, detail: String)) {
        self.name = name
        self.check = check
    }
}
