import Foundation

/// Where and how to reach the broker, parsed from `SHOUHU_AMQP_URL`.
///
/// Accepts the RabbitMQ URI form: `amqp://user:pass@host:port/vhost` and `amqps://…` for TLS.
/// User, password and vhost are percent-decoded; an empty path or `/` is the default vhost `/`
/// (`%2F` names it explicitly). Query parameters: `heartbeat` (seconds), `connection_timeout`
/// (milliseconds, as the RabbitMQ URI spec has it), and for TLS `cacertfile`, `certfile`,
/// `keyfile`. TLS always verifies the peer's certificate and host name; there is deliberately
/// no switch to turn that off.
public struct BrokerEndpoint: Sendable, Equatable, CustomStringConvertible {
    public var useTLS: Bool
    public var host: String
    public var port: Int
    public var virtualHost: String
    public var user: String
    public var password: String
    /// Heartbeat interval the client asks for, in seconds (0 turns heartbeats off).
    public var heartbeatSeconds: Int
    /// How long to wait for the TCP connect and AMQP handshake.
    public var connectTimeout: TimeInterval
    /// PEM file of the certificate authorities trusted for the broker's certificate.
    public var caCertificatePath: String?
    /// PEM client certificate and key, for brokers that authenticate clients by certificate.
    public var clientCertificatePath: String?
    public var clientKeyPath: String?

    /// Parses an AMQP URI; see the type's documentation for the accepted form.
    public init(url text: String, defaultHeartbeatSeconds: Int = 30) throws(BrokerURLError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let schemeEnd = trimmed.range(of: "://") else { throw .notAnAMQPURL }
        let scheme = trimmed[..<schemeEnd.lowerBound].lowercased()
        switch scheme {
        case "amqp": useTLS = false
        case "amqps": useTLS = true
        default: throw .unsupportedScheme(String(scheme))
        }
        var rest = Substring(trimmed[schemeEnd.upperBound...])
        var query = Substring("")
        if let q = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: q)...]
            rest = rest[..<q]
        }
        var path = Substring("")
        if let slash = rest.firstIndex(of: "/") {
            path = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
        }
        var authority = rest
        user = "guest"
        password = "guest"
        if let at = authority.lastIndex(of: "@") {
            let credentials = authority[..<at]
            authority = authority[authority.index(after: at)...]
            if let colon = credentials.firstIndex(of: ":") {
                user = try Self.decode(credentials[..<colon], part: "user")
                password = try Self.decode(credentials[credentials.index(after: colon)...], part: "password")
            } else {
                user = try Self.decode(credentials, part: "user")
                password = ""
            }
        }
        // Host: a bracketed IPv6 literal, or a name, then an optional port.
        var hostPart = authority
        var portPart: Substring? = nil
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw .badHost(String(authority)) }
            hostPart = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { portPart = after.dropFirst() } else if !after.isEmpty {
                throw .badHost(String(authority))
            }
        } else if let colon = authority.lastIndex(of: ":") {
            hostPart = authority[..<colon]
            portPart = authority[authority.index(after: colon)...]
        }
        host = hostPart.isEmpty ? "localhost" : String(hostPart)
        if let portPart {
            guard let p = Int(portPart), (1...65_535).contains(p) else { throw .badPort(String(portPart)) }
            port = p
        } else {
            port = useTLS ? 5671 : 5672
        }
        if path.isEmpty {
            virtualHost = "/"
        } else {
            guard !path.contains("/") else { throw .badVirtualHost(String(path)) }
            virtualHost = try Self.decode(path, part: "vhost")
        }
        heartbeatSeconds = defaultHeartbeatSeconds
        connectTimeout = 10
        for pair in query.split(separator: "&") where !pair.isEmpty {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(kv[0])
            guard !key.isEmpty else { throw .badParameter(String(pair), "a parameter needs a name") }
            let value = kv.count > 1 ? try Self.decode(kv[1], part: key) : ""
            switch key {
            case "heartbeat":
                guard let h = Int(value), (0...3600).contains(h) else { throw .badParameter(key, value) }
                heartbeatSeconds = h
            case "connection_timeout":
                guard let ms = Int(value), ms > 0 else { throw .badParameter(key, value) }
                connectTimeout = Double(ms) / 1000
            case "cacertfile": caCertificatePath = value
            case "certfile": clientCertificatePath = value
            case "keyfile": clientKeyPath = value
            case "verify", "server_name_indication", "auth_mechanism", "channel_max", "frame_max":
                // Known to the RabbitMQ URI spec but not configurable here: peer verification
                // stays on, and the library's defaults for the rest are right for us.
                if key == "verify" && value == "verify_none" { throw .badParameter(key, value) }
            default:
                throw .badParameter(key, value)
            }
        }
        if !useTLS && (caCertificatePath != nil || clientCertificatePath != nil) {
            throw .badParameter("cacertfile", "TLS files need an amqps:// URL")
        }
        if (clientCertificatePath == nil) != (clientKeyPath == nil) {
            throw .badParameter("certfile", "certfile and keyfile go together")
        }
    }

    private static func decode(_ part: Substring, part name: String) throws(BrokerURLError) -> String {
        guard let decoded = String(part).removingPercentEncoding else {
            throw .badEncoding(name)
        }
        return decoded
    }

    /// The URL with the password hidden, for logs and health pages.
    public var description: String {
        let vhost = virtualHost == "/" ? "" : virtualHost.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return "\(useTLS ? "amqps" : "amqp")://\(user):***@\(host):\(port)/\(vhost)"
    }
}

/// Why an AMQP URL could not be used. Each case names the part that is wrong.
public enum BrokerURLError: Error, Equatable, Sendable, CustomStringConvertible {
    case notAnAMQPURL
    case unsupportedScheme(String)
    case badHost(String)
    case badPort(String)
    case badVirtualHost(String)
    case badEncoding(String)
    case badParameter(String, String)

    public var description: String {
        switch self {
        case .notAnAMQPURL: return "not an AMQP URL: expected amqp://user:pass@host:port/vhost"
        case .unsupportedScheme(let s): return "unsupported scheme \"\(s)\": use amqp:// or amqps://"
        case .badHost(let h): return "bad host \"\(h)\""
        case .badPort(let p): return "bad port \"\(p)\": expected 1–65535"
        case .badVirtualHost(let v): return "bad vhost \"\(v)\": a slash in a vhost is written %2F"
        case .badEncoding(let part): return "bad percent-encoding in the \(part)"
        case .badParameter(let k, let v): return "unsupported or bad URL parameter \(k)=\(v)"
        }
    }
}
