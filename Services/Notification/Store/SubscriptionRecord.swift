import Foundation
import GRDB
import NotificationDomain

/// One row of `subscription`: an officer's standing interest, as stored and as served.
struct SubscriptionRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "subscription"

    var id: String
    var subscriber: String
    var role: SubscriberRole
    var division: String?
    var schoolId: String?
    /// JSON array of kinds, e.g. `["risk.escalated"]`.
    var kinds: String
    /// JSON array of channels.
    var channels: String
    var name: String?
    var phone: String?
    var email: String?
    var createdAt: Double
    var createdBy: String

    var kindList: [NoticeKind] { Self.decode(kinds) }
    var channelList: [Channel] { Self.decode(channels) }

    var rule: SubscriptionRule {
        SubscriptionRule(id: id, subscriber: subscriber, role: role, division: division, schoolId: schoolId,
                         kinds: Set(kindList), channels: Set(channelList), contact: Contact(name: name, phone: phone, email: email))
    }

    static func encode<T: Encodable>(_ values: T) -> String {
        String(decoding: (try? JSONEncoder().encode(values)) ?? Data("[]".utf8), as: UTF8.self)
    }

    private static func decode<T: Decodable>(_ text: String) -> [T] {
        (try? JSONDecoder().decode([T].self, from: Data(text.utf8))) ?? []
    }
}
