public import Foundation
public import Logging
public import ShouhuEvents

/// Every setting a Shouhu service reads from its environment, checked once at start.
///
/// A malformed value stops the service with a ``SettingsError`` naming the variable rather than
/// running on a guess. An empty value counts as unset, so a compose file can leave
/// `SHOUHU_SMS_URL=` blank to keep SMS off. A service reads its own extra variables through
/// ``environment`` and the same helpers (``int(_:default:range:)``, ``string(_:default:)``,
/// ``bool(_:default:)``), so they fail the same way.
public struct Settings: Sendable {
    /// The service these settings are for; it picks the port variable and the SQLite file name.
    public let service: ServiceName
    /// `SHOUHU_AMQP_URL`: the broker, vhost in the path (`amqp` or `amqps`).
    public let amqpURL: URL
    /// `SHOUHU_DATA_DIR`: the folder holding `<service>.sqlite`.
    public let dataDirectory: String
    /// `SHOUHU_JWT_SECRET`: the HS256 key, used as its UTF-8 bytes; at least 32 of them.
    public let jwtSecret: String
    /// `SHOUHU_HTTP_HOST`: the address the HTTP server binds to.
    public let httpHost: String
    /// `SHOUHU_<SERVICE>_PORT`: the HTTP port.
    public let httpPort: Int
    /// `SHOUHU_COUNTY`: the six-digit GB/T 2260 code of the county this deployment serves.
    public let county: String
    /// `SHOUHU_LOG_LEVEL`: `trace`, `debug`, `info`, `notice`, `warning`, `error` or `critical`.
    public let logLevel: Logger.Level
    /// `SHOUHU_SMS_URL`: the SMS gateway (JSON POST); `nil` means SMS is off.
    public let smsURL: URL?
    /// `SHOUHU_SMTP_URL`: `smtp://[user:password@]host:port`; `nil` means e-mail is off.
    public let smtpURL: URL?
    /// `SHOUHU_ID_KEY`: the key sealing resident ID numbers at rest. Only intake needs it, and
    /// intake checks its form, so here it is passed through as given.
    public let idKey: String?
    /// `SHOUHU_PREFETCH`: how many unacknowledged deliveries a consumer may hold.
    public let prefetch: Int
    /// `SHOUHU_DELIVERY_LIMIT`: deliveries of one message before the broker dead-letters it.
    public let deliveryLimit: Int
    /// `SHOUHU_AMQP_HEARTBEAT`: the AMQP heartbeat in seconds; 0 turns heartbeats off.
    public let amqpHeartbeatSeconds: Int
    /// The environment these settings were read from, for a service's own extra variables.
    public let environment: [String: String]

    /// Reads and checks every setting for `service`.
    ///
    /// - Parameters:
    ///   - service: the service starting; it picks `SHOUHU_<SERVICE>_PORT` and its default.
    ///   - environment: the variables to read; tests pass their own dictionary.
    /// - Throws: ``SettingsError`` for the first variable that is missing or malformed.
    public init(
        service: ServiceName,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(SettingsError) {
        self.service = service
        self.environment = environment
        // The default is a valid URL, so the broker URL is never nil.
        amqpURL = try Self.url(
            Variable.amqpURL,
            default: "amqp://guest:guest@127.0.0.1:5672/",
            schemes: ["amqp", "amqps"],
            example: "amqp://user:password@host:5672/vhost",
            in: environment
        )!
        dataDirectory = Self.string(Variable.dataDirectory, default: "./.shouhu/data", in: environment) ?? "./.shouhu/data"
        jwtSecret = try Self.jwtSecret(in: environment)
        httpHost = try Self.host(Variable.httpHost, default: "127.0.0.1", in: environment)
        httpPort = try Self.int(
            Self.portVariable(for: service),
            default: Self.defaultPort(for: service),
            range: 1...65_535,
            in: environment
        )
        county = try Self.county(in: environment)
        logLevel = try Self.logLevel(in: environment)
        smsURL = try Self.url(
            Variable.smsURL,
            default: nil,
            schemes: ["http", "https"],
            example: "https://sms.example.cn/send",
            in: environment
        )
        smtpURL = try Self.url(
            Variable.smtpURL,
            default: nil,
            schemes: ["smtp", "smtps"],
            example: "smtp://user:password@mail.example.cn:587",
            in: environment
        )
        idKey = Self.string(Variable.idKey, default: nil, in: environment)
        // AMQP carries the prefetch count in 16 bits.
        prefetch = try Self.int(Variable.prefetch, default: 200, range: 1...65_535, in: environment)
        deliveryLimit = try Self.int(Variable.deliveryLimit, default: 5, range: 1...1_000, in: environment)
        amqpHeartbeatSeconds = try Self.int(Variable.amqpHeartbeat, default: 30, range: 0...3_600, in: environment)
    }

    /// The SQLite file this service keeps: `<SHOUHU_DATA_DIR>/<service>.sqlite`.
    public var databasePath: String {
        URL(fileURLWithPath: dataDirectory, isDirectory: true)
            .appendingPathComponent("\(service.rawValue).sqlite")
            .path
    }

    /// The name of the port variable for `service`, e.g. `SHOUHU_INTAKE_PORT`.
    public static func portVariable(for service: ServiceName) -> String {
        "SHOUHU_\(service.rawValue.uppercased())_PORT"
    }

    /// The contract's default port for `service`: intake 8081 up to funding 8085.
    public static func defaultPort(for service: ServiceName) -> Int {
        switch service {
        case .intake: 8081
        case .assessment: 8082
        case .mentoring: 8083
        case .notification: 8084
        case .funding: 8085
        }
    }

    /// The names of the variables every service reads, in one place so a typo cannot hide.
    public enum Variable {
        /// The broker URL.
        public static let amqpURL = "SHOUHU_AMQP_URL"
        /// The data folder.
        public static let dataDirectory = "SHOUHU_DATA_DIR"
        /// The token signing secret.
        public static let jwtSecret = "SHOUHU_JWT_SECRET"
        /// The HTTP bind address.
        public static let httpHost = "SHOUHU_HTTP_HOST"
        /// The county code.
        public static let county = "SHOUHU_COUNTY"
        /// The log level.
        public static let logLevel = "SHOUHU_LOG_LEVEL"
        /// The SMS gateway.
        public static let smsURL = "SHOUHU_SMS_URL"
        /// The SMTP server.
        public static let smtpURL = "SHOUHU_SMTP_URL"
        /// The resident-ID sealing key.
        public static let idKey = "SHOUHU_ID_KEY"
        /// The consumer prefetch.
        public static let prefetch = "SHOUHU_PREFETCH"
        /// The quorum queue delivery limit.
        public static let deliveryLimit = "SHOUHU_DELIVERY_LIMIT"
        /// The AMQP heartbeat.
        public static let amqpHeartbeat = "SHOUHU_AMQP_HEARTBEAT"
        /// `true` lets an admin move the service's clock (`POST /admin/clock`): for tests and the
        /// demo county only, never in production.
        public static let clockAdjustable = "SHOUHU_CLOCK_ADJUSTABLE"
    }
}
