import NotificationDomain
import ShouhuEvents
import Testing

@Suite("The monthly report to the parents working away, without a broker")
struct ParentReportTests {
    let situations = Situations(today: Fixtures.today)
    static let father = ParentFacts(role: .father, contact: Contact(name: "父亲", phone: "13800000010"))
    static let mother = ParentFacts(role: .mother, contact: Contact(name: "母亲", phone: "13800000011"))

    static func child(parents: [ParentFacts], exited: Bool = false) -> ChildFacts {
        var child = Fixtures.child
        child.parents = parents
        child.exited = exited
        return child
    }

    static func visit(_ kind: VisitKind, concerns: [String] = []) -> VisitRecorded {
        VisitRecorded(childId: Fixtures.childId, visitId: "33333333-3333-4333-8333-333333333333", mentorId: "m-teacher",
                      kind: kind, on: CalendarDate("2026-06-19")!, concerns: concerns)
    }

    @Test("a parent report reaches both parents working away by SMS, and no mentor or officer, whatever they subscribed to")
    func reachesTheParents() throws {
        let situation = try #require(situations.visitRecorded(Self.visit(.parentReport), child: Self.child(parents: [Self.father, Self.mother]),
                                                              mentor: Fixtures.teacher))
        let notices = NotificationPlanner().plan(situation, subscriptions: Fixtures.everyone)
        #expect(notices.map(\.recipient) == ["parent:\(Fixtures.childId):father", "parent:\(Fixtures.childId):mother"])
        #expect(notices.allSatisfy { $0.audience == .parent && $0.channels == [.inApp, .sms] && !$0.urgent })
        #expect(notices.map(\.contact.phone) == ["13800000010", "13800000011"])
        let sms = notices[0].message.sms
        #expect(sms.contains("王小明") && sms.contains("学习生活情况良好") && sms.contains("李老师") && sms.contains("13800000001"))
        #expect(sms.contains("6月19日"))
        #expect(SMSText.length(sms) <= SMSText.limit)
    }

    @Test("concerns are counted in the SMS and named only in the detail")
    func concernsStayOutOfTheSMS() throws {
        let concerns = ["近两周情绪低落", "数学作业常未完成"]
        let situation = try #require(situations.visitRecorded(Self.visit(.parentReport, concerns: concerns),
                                                              child: Self.child(parents: [Self.father]), mentor: Fixtures.teacher))
        let message = try #require(NotificationPlanner().plan(situation, subscriptions: []).first).message
        #expect(message.sms.contains("有2项情况需要关注"))
        #expect(!message.sms.contains("情绪低落"))
        #expect(message.detail.contains("近两周情绪低落") && message.detail.contains("数学作业常未完成"))
    }

    @Test("other visits, an exited child, an unknown child and a child with no parent away reachable tell no parent")
    func nothingToTell() {
        let child = Self.child(parents: [Self.father])
        for kind in VisitKind.allCases where kind != .parentReport {
            #expect(situations.visitRecorded(Self.visit(kind), child: child, mentor: Fixtures.teacher) == nil, "\(kind)")
        }
        #expect(situations.visitRecorded(Self.visit(.parentReport), child: Self.child(parents: [Self.father], exited: true),
                                         mentor: Fixtures.teacher) == nil)
        #expect(situations.visitRecorded(Self.visit(.parentReport), child: nil, mentor: Fixtures.teacher) == nil)
        #expect(situations.visitRecorded(Self.visit(.parentReport), child: Self.child(parents: []), mentor: Fixtures.teacher) == nil)
    }

    @Test("a mentor not yet known is named generically, and the report still goes")
    func unknownMentor() throws {
        let situation = try #require(situations.visitRecorded(Self.visit(.parentReport), child: Self.child(parents: [Self.mother]),
                                                              mentor: nil))
        let sms = try #require(NotificationPlanner().plan(situation, subscriptions: []).first).message.sms
        #expect(sms.contains("帮扶人帮扶人") == false)
        #expect(sms.contains("未登记电话"))
    }

    @Test("officers cannot subscribe to parent reports")
    func notSubscribable() {
        #expect(!NoticeKind.subscribable.contains(.parentReport))
        #expect(NoticeKind.parentReport.rawValue == VisitRecorded.routingKey)
    }
}
