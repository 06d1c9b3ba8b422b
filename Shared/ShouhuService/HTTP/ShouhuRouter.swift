public import Hummingbird

/// Builds the router every service starts from: metrics, error JSON and token checks in
/// front of everything, and the operational routes already on it. A service adds its own
/// routes to what this returns.
public enum ShouhuRouter {
    /// Makes the router.
    ///
    /// The middleware runs in this order: `MetricsMiddleware` (outermost, so it records the
    /// status the client really got), ``ErrorMiddleware``, then ``AuthMiddleware``.
    /// - Parameters:
    ///   - codec: checks tokens.
    ///   - county: this deployment's county.
    ///   - readiness: what `/health/ready` asks.
    ///   - metrics: what `/metrics` renders; bootstrapped here if it was not yet.
    ///   - openAPIDocument: served as `/openapi.json` when given.
    public static func make(
        codec: JWTCodec,
        county: String,
        readiness: [ReadinessCheck] = [],
        metrics: ShouhuMetrics = .shared,
        openAPIDocument: String? = nil
    ) -> Router<ShouhuRequestContext> {
        let router = Router(context: ShouhuRequestContext.self)
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: ErrorMiddleware())
        router.add(middleware: AuthMiddleware(codec: codec, county: county))
        OperationalRoutes(readiness: readiness, metrics: metrics, openAPIDocument: openAPIDocument)
            .add(to: router)
        return router
    }

    /// Makes the router from a service's ``Settings`` (its secret and county).
    public static func make(
        settings: Settings,
        readiness: [ReadinessCheck] = [],
        metrics: ShouhuMetrics = .shared,
        openAPIDocument: String? = nil
    ) -> Router<ShouhuRequestContext> {
        make(
            codec: JWTCodec(settings: settings),
            county: settings.county,
            readiness: readiness,
            metrics: metrics,
            openAPIDocument: openAPIDocument
        )
    }
}
