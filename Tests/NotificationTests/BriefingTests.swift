import Foundation
import NotificationDomain
import Testing

@Suite("Which escalation a newly paired mentor still hears, without a broker")
struct BriefingTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    @Test("an escalation of the last 30 days is passed on; an older one, or one from the future, is not")
    func window() {
        let briefing = NewMentorBriefing()
        #expect(briefing.passesOn(escalatedAt: now, now: now))
        #expect(briefing.passesOn(escalatedAt: now.addingTimeInterval(-30 * 86_400), now: now))
        #expect(!briefing.passesOn(escalatedAt: now.addingTimeInterval(-30 * 86_400 - 1), now: now))
        #expect(!briefing.passesOn(escalatedAt: now.addingTimeInterval(3_600), now: now))
        #expect(NewMentorBriefing(windowDays: 7).passesOn(escalatedAt: now.addingTimeInterval(-8 * 86_400), now: now) == false)
    }
}
