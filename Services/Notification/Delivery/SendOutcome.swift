/// What one attempt to send an SMS or e-mail came to.
enum SendOutcome: Sendable, Equatable {
    /// Accepted by the gateway or mail server, with its reference when it gave one.
    case sent(reference: String?)
    /// A failure that may pass (server down, timeout, 5xx, 4xx SMTP): try again later.
    case temporary(String)
    /// A refusal no retry will change (bad number, unknown mailbox): give up now.
    case permanent(String)
}
