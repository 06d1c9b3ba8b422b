import NotificationDomain
import ShouhuEvents

/// People and places the routing tests share: one child in village 520330100001 (township
/// 520330100) at school S-01, paired with two mentors, and officers around them.
enum Fixtures {
    static let childId = "11111111-1111-4111-8111-111111111111"
    static let child = ChildFacts(childId: childId, name: "王小明", villageCode: "520330100001", schoolId: "S-01",
                                  guardian: Contact(name: "王奶奶", phone: "13800000009"))
    static let teacher = MentorFacts(mentorId: "m-teacher", contact: Contact(name: "李老师", phone: "13800000001", email: "li@example.cn"))
    static let cadre = MentorFacts(mentorId: "m-cadre", contact: Contact(name: "张书记", phone: "13800000002"))

    static func subscription(_ subscriber: String, _ role: SubscriberRole, division: String? = nil, school: String? = nil,
                             kinds: Set<NoticeKind>, channels: Set<Channel> = [.inApp],
                             contact: Contact = Contact(phone: "13900000000", email: "officer@example.cn")) -> SubscriptionRule {
        SubscriptionRule(id: "sub-\(subscriber)", subscriber: subscriber, role: role, division: division, schoolId: school,
                         kinds: kinds, channels: channels, contact: contact)
    }

    static let townshipOfficer = subscription("township-100", .township, division: "520330100", kinds: [.childExited])
    static let otherTownship = subscription("township-200", .township, division: "520330200", kinds: Set(NoticeKind.subscribable))
    static let villageOfficer = subscription("village-001", .village, division: "520330100001", kinds: [.riskEscalated],
                                             channels: [.email])
    static let schoolOfficer = subscription("school-s01", .school, school: "S-01", kinds: [.reassessmentDue], channels: [.sms])
    static let fundingOfficer = subscription("funding", .fundingOfficer, kinds: [.disbursementApproved, .disbursementSettled],
                                             channels: [.email])
    static let everyone = [townshipOfficer, otherTownship, villageOfficer, schoolOfficer, fundingOfficer]

    static let today = CalendarDate("2026-06-20")!

    static func escalation(care: Int, harm: Int?) -> RiskEscalated {
        RiskEscalated(childId: childId, assessmentId: "22222222-2222-4222-8222-222222222222", fromCareLevel: 2,
                      toCareLevel: care, fromHarmLevel: nil, toHarmLevel: harm, reasons: ["独居"])
    }
}
