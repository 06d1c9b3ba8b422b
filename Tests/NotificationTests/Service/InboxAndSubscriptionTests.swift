import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
@testable import Notification
import ShouhuEvents
import ShouhuService
import ShouhuServiceTestSupport
import ShouhuTestSupport
import Testing

@Suite("Subscriptions, inbox, digest and readiness, against the real broker", .serialized)
struct InboxAndSubscriptionTests {
    @Test("subscriptions: bad input names the field and stores nothing; scopes are enforced; duplicates conflict")
    func subscriptionRules() async throws {
        try await ServiceHarness.run(NotificationService.definition, environment: fastSettings()) { service in
            func post(_ body: [String: Any], as role: Role = .countyOfficer, scope: String? = nil, subject: String = "county-1")
                async throws -> (HTTPResponse.Status, [String: Any]) {
                let data = try JSONSerialization.data(withJSONObject: body)
                let response = try await service.send(.post, "/subscriptions", as: role, scope: scope, subject: subject, body: data)
                let json = (try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]) ?? [:]
                return (response.status, json)
            }
            func field(_ json: [String: Any]) -> String? { (json["error"] as? [String: Any])?["field"] as? String }

            var (status, json) = try await post(["role": "township", "division": "520330100001", "kinds": ["risk.escalated"], "channels": ["in_app"]])
            #expect(status == .unprocessableContent && field(json) == "division")
            (status, json) = try await post(["role": "mayor", "division": "520330100", "kinds": ["risk.escalated"], "channels": ["in_app"]])
            #expect(status == .badRequest && field(json) == "role")
            (status, json) = try await post(["role": "township", "division": "520330100", "kinds": ["visit.overdue"], "channels": ["in_app"]])
            #expect(status == .unprocessableContent && field(json) == "kinds")
            (status, json) = try await post(["role": "township", "division": "520330100", "kinds": ["risk.escalated"], "channels": ["sms"]])
            #expect(status == .unprocessableContent && field(json) == "phone")
            (status, json) = try await post(["role": "township", "division": "520330100", "kinds": ["risk.escalated"], "channels": ["email"],
                                             "email": "a@b.cn\r\nRCPT TO:<x@y.cn>"])
            #expect(status == .unprocessableContent && field(json) == "email")
            (status, json) = try await post(["role": "township", "division": "520400100", "kinds": ["risk.escalated"], "channels": ["in_app"]])
            #expect(status == .unprocessableContent && field(json) == "division")
            let stored = try await service.context.database.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM subscription") }
            #expect(stored == 0)

            // A township officer subscribes only themselves, inside their township.
            (status, _) = try await post(["role": "township", "division": "520330200", "kinds": ["risk.escalated"], "channels": ["in_app"]],
                                         as: .township, scope: "520330100", subject: "t-100")
            #expect(status == .forbidden)
            (status, _) = try await post(["subscriber": "someone-else", "role": "township", "division": "520330100",
                                          "kinds": ["risk.escalated"], "channels": ["in_app"]],
                                         as: .township, scope: "520330100", subject: "t-100")
            #expect(status == .forbidden)
            (status, _) = try await post(["role": "township", "division": "520330100", "kinds": ["risk.escalated"], "channels": ["in_app"]],
                                         as: .mentor, subject: "m-1")
            #expect(status == .forbidden)
            (status, json) = try await post(["role": "township", "division": "520330100", "kinds": ["risk.escalated", "child.exited"],
                                             "channels": ["sms"], "phone": "13900000100"],
                                            as: .township, scope: "520330100", subject: "t-100")
            #expect(status == .created)
            #expect(json["subscriber"] as? String == "t-100")
            let id = try #require(json["id"] as? String)
            (status, json) = try await post(["role": "township", "division": "520330100", "kinds": ["child.exited"], "channels": ["in_app"]],
                                            as: .township, scope: "520330100", subject: "t-100")
            #expect(status == .conflict && (json["error"] as? [String: Any])?["code"] as? String == "duplicate_subscription")

            // Listing: one's own only, unless a county officer.
            let mine = try await service.send(.get, "/subscriptions", as: .township, scope: "520330100", subject: "t-100")
            #expect(mine.status == .ok)
            let others = try await service.send(.get, "/subscriptions?subscriber=county-1", as: .township, scope: "520330100", subject: "t-100")
            #expect(others.status == .forbidden)
            let removedByStranger = try await service.send(.delete, "/subscriptions/\(id)", as: .village, scope: "520330100001", subject: "v-1")
            #expect(removedByStranger.status == .forbidden)
            let removed = try await service.send(.delete, "/subscriptions/\(id)", as: .township, scope: "520330100", subject: "t-100")
            #expect(removed.status == .noContent)
            let again = try await service.send(.delete, "/subscriptions/\(id)", as: .township, scope: "520330100", subject: "t-100")
            #expect(again.status == .notFound)
        }
    }

    @Test("overdue visits become one digest per mentor per day, sent once, and the inbox entry can be marked read")
    func dailyDigest() async throws {
        let gateway = SMSGatewayStub()
        try await gateway.start()
        try await ServiceHarness.run(NotificationService.definition, environment: fastSettings(sms: gateway.url)) { service in
            let mentorId = NotificationWorld.id(), other = NotificationWorld.id()
            let first = NotificationWorld.id(), second = NotificationWorld.id()
            try await service.publish([NotificationWorld.mentor(mentorId, phone: "13800000001"),
                                       NotificationWorld.mentor(other, phone: "13800000002")])
            try await service.publish([NotificationWorld.child(first, name: "王小明"), NotificationWorld.child(second, name: "李小红")])
            let today = service.context.clock.today()
            let overdue = [
                NotificationWorld.envelope(VisitOverdue(childId: first, mentorIds: [mentorId, other], obligation: .homeVisit,
                                                        dueOn: today.adding(days: -5), daysOverdue: 5, tier: .key)),
                NotificationWorld.envelope(VisitOverdue(childId: second, mentorIds: [mentorId], obligation: .parentReport,
                                                        dueOn: today.adding(days: -12), daysOverdue: 12, tier: .general)),
                NotificationWorld.envelope(VisitOverdue(childId: first, mentorIds: [mentorId], obligation: .termCheck,
                                                        dueOn: today.adding(days: -2), daysOverdue: 2, tier: .key)),
            ]
            try await service.publish(overdue)
            _ = try await NotificationWorld.waitForCount(service, "SELECT count(*) FROM digest_item", atLeast: 4)
            // Nothing before the digest time; move a day on and the sweep writes them.
            service.context.clock.advance(days: 1)
            let digests = try await NotificationWorld.waitForCount(
                service, "SELECT count(*) FROM notification WHERE kind = 'visit.overdue'", atLeast: 2)
            #expect(digests == 2)
            _ = await TestBroker.eventually { gateway.messages.count == 2 }
            let mine = try #require(gateway.messages.first { $0.to == "13800000001" })
            #expect(mine.text.contains("3项") && mine.text.contains("最长12天") && mine.text.contains("李小红"))
            // The same events again, and another sweep: no second digest.
            try await service.publish(overdue)
            try await Task.sleep(nanoseconds: 2_500_000_000)
            let after = try await service.context.database.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM notification WHERE kind = 'visit.overdue'")
            }
            #expect(after == 2)
            #expect(gateway.messages.count == 2)

            let inbox = try await service.send(.get, "/notifications?unread=true", as: .mentor, subject: mentorId)
            let page = try JSONDecoder.rfc3339.decode(InboxPage.self, from: Data(buffer: inbox.body))
            let digest = try #require(page.items.first { $0.kind == "visit.overdue" })
            #expect(digest.body.contains("王小明") && digest.body.contains("李小红"))
            let notMine = try await service.send(.post, "/notifications/\(digest.id)/read", as: .mentor, subject: other)
            #expect(notMine.status == .notFound)
            let read = try await service.send(.post, "/notifications/\(digest.id)/read", as: .mentor, subject: mentorId)
            #expect(read.status == .ok)
            let unread = try await service.send(.get, "/notifications?unread=true", as: .mentor, subject: mentorId)
            let remaining = try JSONDecoder.rfc3339.decode(InboxPage.self, from: Data(buffer: unread.body))
            #expect(!remaining.items.contains { $0.id == digest.id })
        }
        await gateway.stop()
    }

    @Test("with no SMS gateway and no mail server the service is ready, says so, and the inbox still works")
    func channelsNotConfigured() async throws {
        try await ServiceHarness.run(NotificationService.definition, environment: fastSettings()) { service in
            _ = await TestBroker.eventually {
                let response = try? await service.send(.get, "/health/ready")
                return response?.status == .ok
            }
            let ready = try await service.send(.get, "/health/ready")
            #expect(ready.status == .ok)
            let text = String(buffer: ready.body)
            #expect(text.contains("SHOUHU_SMS_URL unset") && text.contains("SHOUHU_SMTP_URL unset"))

            let mentorId = NotificationWorld.id(), childId = NotificationWorld.id()
            try await service.publish([NotificationWorld.mentor(mentorId, phone: "13800000001", email: "li@example.cn")])
            try await service.publish([NotificationWorld.child(childId, name: "王小明")])
            try await service.publish([NotificationWorld.pairing(childId, mentorId)])
            try await service.publish([NotificationWorld.escalation(childId, care: 4, harm: nil)])
            _ = try await NotificationWorld.waitForCount(service, "SELECT count(*) FROM notification", atLeast: 2)
            let inbox = try await service.send(.get, "/notifications?limit=1", as: .mentor, subject: mentorId)
            let page = try JSONDecoder.rfc3339.decode(InboxPage.self, from: Data(buffer: inbox.body))
            #expect(page.items.count == 1 && page.items[0].urgent && page.nextCursor != nil)
            #expect(page.items[0].deliveries.map(\.channel) == ["in_app"])
            let next = try await service.send(.get, "/notifications?limit=1&cursor=\(page.nextCursor!)", as: .mentor, subject: mentorId)
            let second = try JSONDecoder.rfc3339.decode(InboxPage.self, from: Data(buffer: next.body))
            #expect(second.items.first?.kind == "mentor.assigned")
            let deliveries = try await service.context.database.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM delivery") }
            #expect(deliveries == 0)
        }
    }

    @Test("a county's template file changes the texts without a rebuild; a broken one is reported not ready")
    func countyTemplates() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(#"{"mentor.assigned": {"title": "结对：{child}", "sms": "【县关爱办】请关心{child}，{by}前家访。"}}"#.utf8).write(to: file)
        try await ServiceHarness.run(NotificationService.definition,
                                     environment: fastSettings(extra: ["SHOUHU_NOTIFICATION_TEMPLATES": file.path])) { service in
            let mentorId = NotificationWorld.id(), childId = NotificationWorld.id()
            try await service.publish([NotificationWorld.child(childId, name: "王小明")])
            try await service.publish([NotificationWorld.pairing(childId, mentorId)])
            _ = try await NotificationWorld.waitForCount(service, "SELECT count(*) FROM notification WHERE kind = 'mentor.assigned'", atLeast: 1)
            let body = try await service.context.database.pool.read { db in
                try String.fetchOne(db, sql: "SELECT body FROM notification WHERE kind = 'mentor.assigned'")
            }
            #expect(body?.hasPrefix("【县关爱办】请关心王小明") == true)
        }
        try Data(#"{"mentor.assigned": {"title": "x", "sms": "{idNumber}"}}"#.utf8).write(to: file)
        try await ServiceHarness.run(NotificationService.definition,
                                     environment: fastSettings(extra: ["SHOUHU_NOTIFICATION_TEMPLATES": file.path])) { service in
            let ready = try await service.send(.get, "/health/ready")
            #expect(ready.status == .serviceUnavailable)
            #expect(String(buffer: ready.body).contains("unknown placeholder {idNumber}"))
        }
    }
}
