/// A way a notice reaches a person: the in-app inbox (站内信), SMS (短信) or e-mail.
public enum Channel: String, Codable, Sendable, CaseIterable, Hashable, Comparable {
    case inApp = "in_app"
    case sms
    case email

    /// Inbox first, then SMS, then e-mail: the order notices are listed and sent in.
    public static func < (lhs: Channel, rhs: Channel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
