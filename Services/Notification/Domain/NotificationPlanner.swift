/// Decides who gets what, on which channels (谁收到什么):
/// - the mentors in the situation: inbox and SMS; on an urgent notice, e-mail too;
/// - each officer whose subscription names the kind and covers the child's place (or, with no
///   child, is county-wide): inbox plus the channels they chose;
/// - on an urgent notice, the township officer of the child's township whatever kinds they
///   chose, and every officer on every channel;
/// - the parents in the situation (the monthly report): by SMS, with an inbox row as the record.
/// A channel is used only if it is configured (`enabled`) and the person has an address for it;
/// one person reached twice (two subscriptions) gets one notice on the union of channels.
public struct NotificationPlanner: Sendable {
    public var templates: TemplateBook
    public var enabled: Set<Channel>

    public init(templates: TemplateBook = .standard, enabled: Set<Channel> = Set(Channel.allCases)) {
        self.templates = templates
        self.enabled = enabled.union([.inApp])
    }

    /// The notices for one situation, ordered by recipient.
    public func plan(_ situation: Situation, subscriptions: [SubscriptionRule]) -> [PlannedNotice] {
        let message = templates.render(situation.template, situation.values)
        let all = Set(Channel.allCases)
        var byRecipient: [String: PlannedNotice] = [:]
        func add(_ recipient: String, _ audience: Audience, _ contact: Contact, _ wanted: Set<Channel>) {
            let channels = wanted.union([.inApp]).intersection(enabled).filter { contact.reaches($0) }
            if var existing = byRecipient[recipient] {
                existing.channels = Array(Set(existing.channels).union(channels)).sorted()
                existing.contact = Contact(name: existing.contact.name ?? contact.name,
                                           phone: existing.contact.phone ?? contact.phone,
                                           email: existing.contact.email ?? contact.email)
                byRecipient[recipient] = existing
            } else {
                byRecipient[recipient] = PlannedNotice(
                    recipient: recipient, audience: audience, contact: contact, kind: situation.kind,
                    urgent: situation.urgent, channels: channels.sorted(), message: message, childId: situation.childId)
            }
        }
        for mentor in situation.mentors {
            add(mentor.mentorId, .mentor, mentor.contact, situation.urgent ? all : [.inApp, .sms])
        }
        for parent in situation.parents where situation.childId != nil {
            add(parent.recipient(of: situation.childId!), .parent, parent.contact, [.sms])
        }
        for subscription in subscriptions {
            let chosen = subscription.kinds.contains(situation.kind) && subscription.covers(situation.child)
            let township = situation.urgent && subscription.isTownshipOfficer(of: situation.child)
            guard chosen || township else { continue }
            add(subscription.subscriber, .officer, subscription.contact, situation.urgent ? all : subscription.channels)
        }
        return byRecipient.values.sorted { $0.recipient < $1.recipient }
    }
}

extension NotificationPlanner {
    /// A mentor's daily digest of overdue visits: inbox, SMS (the count and the first names),
    /// and e-mail (the whole list) where configured and reachable. Never urgent: quiet hours hold
    /// its SMS.
    public func digest(for mentor: MentorFacts, items: [DigestItem]) -> PlannedNotice {
        let channels = Channel.allCases.filter { enabled.contains($0) && mentor.contact.reaches($0) }
        return PlannedNotice(recipient: mentor.mentorId, audience: .mentor, contact: mentor.contact, kind: .visitOverdue,
                             urgent: false, channels: channels, message: DigestComposer(templates: templates).compose(items),
                             childId: nil)
    }
}
