/// How to reach one person: a name for the greeting, a mobile number for SMS, an address for
/// e-mail. Never a resident ID number.
public struct Contact: Sendable, Hashable, Codable {
    public var name: String?
    public var phone: String?
    public var email: String?

    public init(name: String? = nil, phone: String? = nil, email: String? = nil) {
        self.name = name
        self.phone = phone
        self.email = email
    }

    /// Whether this contact can be reached on `channel` (the inbox always can).
    public func reaches(_ channel: Channel) -> Bool {
        switch channel {
        case .inApp: true
        case .sms: !(phone ?? "").isEmpty
        case .email: !(email ?? "").isEmpty
        }
    }
}
