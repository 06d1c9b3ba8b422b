import Foundation
public import Logging
import ShouhuEvents

extension Settings: CustomStringConvertible {
    /// A one-line summary safe to log: secrets and URL passwords are left out, so printing the
    /// settings by accident leaks nothing.
    public var description: String {
        summary.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }

    /// The settings as log metadata, without secrets; SMS and e-mail say `off` when unset.
    public var summary: Logger.Metadata {
        [
            "service": "\(service.rawValue)",
            "http": "\(httpHost):\(httpPort)",
            "county": "\(county)",
            "data": "\(databasePath)",
            "amqp": "\(Self.withoutPassword(amqpURL))",
            "prefetch": "\(prefetch)",
            "deliveryLimit": "\(deliveryLimit)",
            "heartbeat": "\(amqpHeartbeatSeconds)s",
            "sms": "\(smsURL.map(Self.withoutPassword) ?? "off")",
            "smtp": "\(smtpURL.map(Self.withoutPassword) ?? "off")",
            "logLevel": "\(logLevel.rawValue)",
        ]
    }

    /// Logs the settings at start, and a warning for each channel that is off, as the contract
    /// asks ("SMS is off and says so at start").
    public func logStartup(to logger: Logger) {
        logger.info("starting", metadata: summary)
        if smsURL == nil {
            logger.warning("SMS is off: \(Variable.smsURL) is not set")
        }
        if smtpURL == nil {
            logger.warning("e-mail is off: \(Variable.smtpURL) is not set")
        }
    }

    static func withoutPassword(_ url: URL) -> String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return "?" }
        if components.password != nil {
            components.password = "***"
        }
        return components.string ?? "?"
    }
}
