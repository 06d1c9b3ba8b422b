public import Hummingbird
import ShouhuEvents

extension Settings {
    /// The Hummingbird server configuration: bind to `SHOUHU_HTTP_HOST` and the service's port.
    public var serverConfiguration: ApplicationConfiguration {
        ApplicationConfiguration(
            address: .hostname(httpHost, port: httpPort),
            serverName: "shouhu-\(service.rawValue)"
        )
    }
}
