import Metrics
public import Prometheus

/// The process's metrics: one Prometheus registry behind swift-metrics, rendered by
/// `GET /metrics`.
///
/// swift-metrics allows `MetricsSystem.bootstrap` once per process and traps on a second call,
/// so the registry is a process-wide ``shared`` instance that bootstraps on first use; asking
/// for it again (``bootstrap()``, a second router in a test) is harmless. Code anywhere in the
/// process records through plain swift-metrics (`Counter(label:dimensions:)`, `Gauge`) and
/// never needs to import Prometheus: see `EventMetrics` in ShouhuMessaging for the names the event plumbing uses.
///
/// Hummingbird's `MetricsMiddleware` metrics are renamed to Prometheus style here:
/// `shouhu_http_requests_total{route,method,status}`,
/// `shouhu_http_request_errors_total{route,method,status}`,
/// `shouhu_http_request_duration_seconds{route,method,status}` (a histogram) and
/// `shouhu_http_active_requests{method}`.
public final class ShouhuMetrics: Sendable {
    /// The process's registry, bootstrapped into swift-metrics on first use.
    public static let shared = ShouhuMetrics()

    /// The registry every metric of this process lands in.
    public let registry: PrometheusCollectorRegistry

    private init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.nameAndLabelSanitizer = { name, labels in
            (Self.renamed[name] ?? name, labels.map { (Self.renamedLabels[$0.0] ?? $0.0, $0.1) })
        }
        MetricsSystem.bootstrap(factory)
    }

    /// Makes sure swift-metrics reports to ``shared``; call it early in `main`, before any
    /// library makes a metric it would otherwise send nowhere. Safe to call more than once.
    @discardableResult
    public static func bootstrap() -> ShouhuMetrics {
        shared
    }

    /// Every metric in Prometheus' text exposition format (version 0.0.4).
    public func render() -> String {
        registry.emitToString()
    }

    /// Hummingbird's OpenTelemetry-style names, as Prometheus names with units and `_total`.
    private static let renamed: [String: String] = [
        "hb.requests": "shouhu_http_requests_total",
        "hb.request.errors": "shouhu_http_request_errors_total",
        "http.server.request.duration": "shouhu_http_request_duration_seconds",
        "http.server.active_requests": "shouhu_http_active_requests",
    ]

    private static let renamedLabels: [String: String] = [
        "http.route": "route",
        "http.request.method": "method",
        "http.response.status_code": "status",
        "error.type": "status",
    ]
}
