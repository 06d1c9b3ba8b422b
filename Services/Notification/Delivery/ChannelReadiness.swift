import Foundation
import GRDB
import NotificationDomain
import ShouhuService

/// What `/health/ready` and the start log say about each outgoing channel. A channel that is not
/// configured is reported, not failed: the inbox still works, so the service stays ready. A
/// setting that could not be used (a bad template file, quiet hours or SMTP URL) is not ready.
enum ChannelReadiness {
    static func checks(_ context: ServiceContext, _ configuration: NotificationConfiguration) -> [ReadinessCheck] {
        let database = context.database
        @Sendable func backlog(_ channel: Channel) async -> String {
            let counts = try? await database.pool.read { db in
                try Row.fetchOne(db, sql: """
                    SELECT sum(status IN ('queued','failed')) AS pending, sum(status = 'failed') AS retrying
                    FROM delivery WHERE channel = ?
                    """, arguments: [channel.rawValue])
            }
            let pending: Int = (counts ?? nil)?["pending"] ?? 0
            let retrying: Int = (counts ?? nil)?["retrying"] ?? 0
            return "\(pending) pending, \(retrying) retrying"
        }
        let smsURL = configuration.smsURL, smtp = configuration.smtp, smtpProblem = configuration.smtpProblem
        let problems = configuration.problems
        return [
            ReadinessCheck(name: "channel-in-app") { (true, "inbox on") },
            ReadinessCheck(name: "channel-sms") {
                guard let smsURL else { return (true, "not configured (\(Settings.Variable.smsURL) unset): SMS off, inbox only") }
                return (true, "gateway \(smsURL.host ?? "?"); \(await backlog(.sms))")
            },
            ReadinessCheck(name: "channel-email") {
                if let smtpProblem { return (false, "\(Settings.Variable.smtpURL) unusable: \(smtpProblem)") }
                guard let smtp else { return (true, "not configured (\(Settings.Variable.smtpURL) unset): e-mail off, inbox only") }
                return (true, "\(smtp); \(await backlog(.email))")
            },
            ReadinessCheck(name: "notification-settings") {
                problems.isEmpty ? (true, "templates \(configuration.templateSource), quiet hours \(configuration.quietHours)")
                    : (false, problems.joined(separator: "; "))
            },
        ]
    }

    static func logStart(_ context: ServiceContext, _ configuration: NotificationConfiguration) {
        let logger = context.logger
        if let url = configuration.smsURL {
            logger.info("SMS on", metadata: ["gateway": "\(url.host ?? "?")"])
        } else {
            logger.warning("SMS is off: \(Settings.Variable.smsURL) is not set; notices go to the inbox (and e-mail if on)")
        }
        if let smtp = configuration.smtp {
            logger.info("e-mail on", metadata: ["server": "\(smtp)"])
        } else {
            logger.warning("e-mail is off: \(Settings.Variable.smtpURL) is not set or unusable; notices go to the inbox (and SMS if on)")
        }
        for problem in configuration.problems {
            logger.error("setting not used", metadata: ["problem": "\(problem)"])
        }
        logger.info("notification rules", metadata: ["templates": "\(configuration.templateSource)",
                                                     "quietHours": "\(configuration.quietHours)"])
    }
}
