import Foundation

/// Where e-mail goes: `SHOUHU_SMTP_URL` = `smtp://[user:password@]host[:port]` (port 25 by
/// default). With a user, the client logs in with AUTH PLAIN. Plain SMTP only: `smtps` is refused
/// here rather than sending passwords in the clear by surprise.
struct SMTPEndpoint: Sendable, Hashable, CustomStringConvertible {
    var host: String
    var port: Int
    var username: String?
    var password: String?

    struct Invalid: Error, CustomStringConvertible {
        var description: String
    }

    init(url: URL) throws {
        guard url.scheme?.lowercased() == "smtp" else {
            throw Invalid(description: "only smtp:// is supported (plain SMTP, optional AUTH PLAIN); got \(url.scheme ?? "no scheme")")
        }
        guard let host = url.host, !host.isEmpty else { throw Invalid(description: "the URL has no host") }
        self.host = host
        port = url.port ?? 25
        username = url.user?.removingPercentEncoding
        password = url.password?.removingPercentEncoding
    }

    /// Host and port only: the password never reaches a log or the readiness body.
    var description: String { "smtp://\(host):\(port)\(username == nil ? "" : " (AUTH PLAIN)")" }
}
