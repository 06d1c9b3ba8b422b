import Foundation
import NotificationDomain
import ShouhuService

/// The notification service's own settings, read once from the environment. A value that cannot
/// be used falls back to its default and is listed in `problems`, which `/health/ready` reports
/// as not ready and the start log names, so an operator sees it at once.
struct NotificationConfiguration: Sendable {
    static let templatesVariable = "SHOUHU_NOTIFICATION_TEMPLATES"
    static let quietHoursVariable = "SHOUHU_NOTIFICATION_QUIET_HOURS"
    static let digestTimeVariable = "SHOUHU_NOTIFICATION_DIGEST_TIME"
    static let retryBaseVariable = "SHOUHU_NOTIFICATION_RETRY_BASE_SECONDS"
    static let retryMaximumVariable = "SHOUHU_NOTIFICATION_RETRY_MAX_SECONDS"
    static let attemptsVariable = "SHOUHU_NOTIFICATION_MAX_ATTEMPTS"
    static let pollVariable = "SHOUHU_NOTIFICATION_POLL_MS"
    static let digestSweepVariable = "SHOUHU_NOTIFICATION_DIGEST_SWEEP_SECONDS"
    static let mailFromVariable = "SHOUHU_NOTIFICATION_MAIL_FROM"

    var templates = TemplateBook.standard
    var templateSource = "built-in"
    var quietHours = QuietHours("21:30-07:30")!
    var digest = DigestSchedule("08:00")!
    var retry = RetryPolicy()
    var pollInterval: TimeInterval = 1
    var digestSweepInterval: TimeInterval = 60
    var smsURL: URL?
    var smtp: SMTPEndpoint?
    var smtpProblem: String?
    var mailFrom = "shouhu@localhost"
    /// Which escalation a newly paired mentor still hears (the last 30 days).
    var briefing = NewMentorBriefing()
    var problems: [String] = []

    init(settings: Settings) {
        if let path = settings.string(Self.templatesVariable), !path.isEmpty {
            do {
                templates = try TemplateBook.overriding(with: try Data(contentsOf: URL(fileURLWithPath: path)))
                templateSource = path
            } catch let error as TemplateError {
                problems.append("\(Self.templatesVariable)=\(path): \(error.description); using the built-in texts")
            } catch {
                problems.append("\(Self.templatesVariable)=\(path): cannot read the file (\(error.localizedDescription)); using the built-in texts")
            }
        }
        if let text = settings.string(Self.quietHoursVariable) {
            if let hours = QuietHours(text) { quietHours = hours } else {
                problems.append("\(Self.quietHoursVariable)=\(text): expected HH:MM-HH:MM or off; using \(quietHours)")
            }
        }
        if let text = settings.string(Self.digestTimeVariable) {
            if let schedule = DigestSchedule(text) { digest = schedule } else {
                problems.append("\(Self.digestTimeVariable)=\(text): expected HH:MM; using 08:00")
            }
        }
        func number(_ name: String, _ fallback: Int, _ range: ClosedRange<Int>) -> Int {
            do { return try settings.int(name, default: fallback, range: range) } catch {
                problems.append("\(error); using \(fallback)")
                return fallback
            }
        }
        retry = RetryPolicy(base: TimeInterval(number(Self.retryBaseVariable, 30, 1...86_400)),
                            maximum: TimeInterval(number(Self.retryMaximumVariable, 3600, 1...604_800)),
                            limit: number(Self.attemptsVariable, 8, 1...100))
        pollInterval = TimeInterval(number(Self.pollVariable, 1000, 10...60_000)) / 1000
        digestSweepInterval = TimeInterval(number(Self.digestSweepVariable, 60, 1...3600))
        mailFrom = settings.string(Self.mailFromVariable, default: mailFrom) ?? mailFrom
        smsURL = settings.smsURL
        if let url = settings.smtpURL {
            do { smtp = try SMTPEndpoint(url: url) } catch {
                smtpProblem = "\(error)"
                problems.append("\(Settings.Variable.smtpURL): \(error)")
            }
        }
    }

    /// The channels that can send: the inbox always; SMS and e-mail when configured.
    var enabledChannels: Set<Channel> {
        var channels: Set<Channel> = [.inApp]
        if smsURL != nil { channels.insert(.sms) }
        if smtp != nil { channels.insert(.email) }
        return channels
    }

    var planner: NotificationPlanner { NotificationPlanner(templates: templates, enabled: enabledChannels) }
    var writer: NoticeWriter { NoticeWriter(quietHours: quietHours) }
}
