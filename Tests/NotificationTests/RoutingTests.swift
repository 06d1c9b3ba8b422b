import NotificationDomain
import ShouhuEvents
import Testing

@Suite("Who gets what: routing, urgency and channels, without a broker")
struct RoutingTests {
    let planner = NotificationPlanner()
    let situations = Situations(today: Fixtures.today)

    private func plan(_ situation: Situation?, subscriptions: [SubscriptionRule] = Fixtures.everyone,
                      planner: NotificationPlanner? = nil) -> [String: PlannedNotice] {
        guard let situation else { return [:] }
        let notices = (planner ?? self.planner).plan(situation, subscriptions: subscriptions)
        return Dictionary(uniqueKeysWithValues: notices.map { ($0.recipient, $0) })
    }

    @Test("care level 4, or harm level 1 or 2, is urgent; a rise to level 3 is not")
    func urgency() {
        #expect(Urgency.isUrgent(Fixtures.escalation(care: 4, harm: nil)))
        #expect(Urgency.isUrgent(Fixtures.escalation(care: 3, harm: 1)))
        #expect(Urgency.isUrgent(Fixtures.escalation(care: 3, harm: 2)))
        #expect(!Urgency.isUrgent(Fixtures.escalation(care: 3, harm: 3)))
        #expect(!Urgency.isUrgent(Fixtures.escalation(care: 3, harm: nil)))
    }

    @Test("an urgent escalation reaches the mentors and the township officer on every channel")
    func urgentEscalation() {
        let situation = situations.riskEscalated(Fixtures.escalation(care: 4, harm: 2), child: Fixtures.child,
                                                 mentors: [Fixtures.teacher, Fixtures.cadre])
        let notices = plan(situation)
        #expect(Set(notices.keys) == ["m-teacher", "m-cadre", "township-100", "village-001"])
        #expect(notices["m-teacher"]?.channels == [.inApp, .sms, .email])
        // The cadre has no e-mail address: inbox and SMS only.
        #expect(notices["m-cadre"]?.channels == [.inApp, .sms])
        // Subscribed only to exits, the township officer still hears of an urgent case in the township.
        #expect(notices["township-100"]?.channels == [.inApp, .sms, .email])
        #expect(notices["village-001"]?.channels == [.inApp, .sms, .email])
        #expect(notices.values.allSatisfy { $0.urgent })
        let sms = notices["m-teacher"]!.message.sms
        #expect(sms.contains("紧急") && sms.contains("王小明") && sms.contains("6月21日"))
        #expect(SMSText.length(sms) <= 70)
    }

    @Test("a non-urgent escalation: mentors by inbox and SMS, subscribers on their own channels, no township officer")
    func ordinaryEscalation() {
        let situation = situations.riskEscalated(Fixtures.escalation(care: 3, harm: 3), child: Fixtures.child,
                                                 mentors: [Fixtures.teacher])
        let notices = plan(situation)
        #expect(Set(notices.keys) == ["m-teacher", "village-001"])
        #expect(notices["m-teacher"]?.channels == [.inApp, .sms])
        #expect(notices["village-001"]?.channels == [.inApp, .email])
        #expect(notices["m-teacher"]?.message.sms.contains("6月27日") == true)
    }

    @Test("channels that are not configured are left out; the inbox always works")
    func channelsOff() {
        let inboxOnly = NotificationPlanner(enabled: [])
        let situation = situations.riskEscalated(Fixtures.escalation(care: 4, harm: nil), child: Fixtures.child,
                                                 mentors: [Fixtures.teacher])
        let notices = plan(situation, planner: inboxOnly)
        #expect(!notices.isEmpty)
        #expect(notices.values.allSatisfy { $0.channels == [.inApp] })
    }

    @Test("a school subscription follows the child's school; a reassessment reaches it and the mentors")
    func schoolAndReassessment() {
        let event = ReassessmentDue(childId: Fixtures.childId, dueOn: CalendarDate("2026-07-01")!, why: .term)
        let notices = plan(situations.reassessmentDue(event, child: Fixtures.child, mentors: [Fixtures.cadre]))
        #expect(Set(notices.keys) == ["m-cadre", "school-s01"])
        #expect(notices["school-s01"]?.channels == [.inApp, .sms])
        #expect(notices["m-cadre"]?.message.sms.contains("7月1日") == true)
        var elsewhere = Fixtures.child
        elsewhere.schoolId = "S-99"
        #expect(plan(situations.reassessmentDue(event, child: elsewhere, mentors: []))["school-s01"] == nil)
    }

    @Test("one person with two matching subscriptions gets one notice on the union of channels")
    func merged() {
        let first = Fixtures.subscription("officer", .township, division: "520330100", kinds: [.childExited], channels: [.sms])
        var second = Fixtures.subscription("officer", .village, division: "520330100001", kinds: [.childExited], channels: [.email])
        second.id = "sub-2"
        let event = ChildExited(childId: Fixtures.childId, reason: .parentReturned, on: Fixtures.today)
        let notices = planner.plan(situations.childExited(event, child: Fixtures.child, mentors: []), subscriptions: [first, second])
        #expect(notices.count == 1)
        #expect(notices.first?.channels == [.inApp, .sms, .email])
        #expect(notices.first?.message.sms.contains("父母返乡") == true)
    }

    @Test("funding officers hear of approved batches and failed payments, not of paid ones")
    func funding() {
        let approved = DisbursementApproved(batchId: "33333333-3333-4333-8333-333333333333", period: "2026-06", count: 120,
                                            totalFen: 1_200_050)
        let notices = plan(situations.disbursementApproved(approved))
        #expect(Set(notices.keys) == ["funding"])
        #expect(notices["funding"]?.message.sms.contains("12000.50元") == true)
        let paid = DisbursementSettled(batchId: approved.batchId, childId: Fixtures.childId, amountFen: 10_000, outcome: .paid,
                                       reason: nil)
        #expect(situations.disbursementSettled(paid, child: Fixtures.child) == nil)
        let failed = DisbursementSettled(batchId: approved.batchId, childId: Fixtures.childId, amountFen: 10_000, outcome: .failed,
                                         reason: "账户已销户")
        let failedNotices = plan(situations.disbursementSettled(failed, child: Fixtures.child))
        #expect(Set(failedNotices.keys) == ["funding"])
        #expect(failedNotices["funding"]?.message.sms.contains("王小明") == true)
    }

    @Test("a pairing reaches the paired mentor with the first-visit date; a child not yet known is named by id, never otherwise")
    func pairing() {
        let event = MentorAssigned(childId: Fixtures.childId, mentorId: "m-teacher", role: .teacher, pairing: .oneOnOne)
        let notices = plan(situations.mentorAssigned(event, child: nil, mentor: Fixtures.teacher), subscriptions: [])
        #expect(Set(notices.keys) == ["m-teacher"])
        #expect(notices["m-teacher"]?.message.sms.contains("儿童(编号11111111)") == true)
        #expect(notices["m-teacher"]?.message.sms.contains("6月27日") == true)
    }

    @Test("subscriptions must fit their role; overdue visits cannot be subscribed to")
    func subscriptionShape() {
        #expect(SubscriptionRule.problem(role: .township, division: "520330100", schoolId: nil, kinds: [.riskEscalated], channels: [.sms]) == nil)
        #expect(SubscriptionRule.problem(role: .township, division: "520330100001", schoolId: nil, kinds: [.riskEscalated], channels: [.sms])?.field == "division")
        #expect(SubscriptionRule.problem(role: .school, division: nil, schoolId: nil, kinds: [.riskEscalated], channels: [.sms])?.field == "schoolId")
        #expect(SubscriptionRule.problem(role: .countyOfficer, division: nil, schoolId: nil, kinds: [.visitOverdue], channels: [.sms])?.field == "kinds")
        #expect(SubscriptionRule.problem(role: .countyOfficer, division: nil, schoolId: nil, kinds: [.riskEscalated], channels: [])?.field == "channels")
        #expect(SubscriptionRule.problem(role: .fundingOfficer, division: "520330100", schoolId: nil, kinds: [.disbursementApproved], channels: [.email])?.field == "division")
    }
}
