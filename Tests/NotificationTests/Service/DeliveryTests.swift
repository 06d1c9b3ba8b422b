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

/// Settings that make the delivery worker and the digest quick in tests; quiet hours off unless
/// a test sets them.
func fastSettings(sms: String? = nil, smtp: String? = nil, extra: [String: String] = [:]) -> [String: String] {
    var environment = [
        "SHOUHU_NOTIFICATION_POLL_MS": "50",
        "SHOUHU_NOTIFICATION_RETRY_BASE_SECONDS": "1",
        "SHOUHU_NOTIFICATION_RETRY_MAX_SECONDS": "1",
        "SHOUHU_NOTIFICATION_MAX_ATTEMPTS": "100",
        "SHOUHU_NOTIFICATION_DIGEST_SWEEP_SECONDS": "1",
        "SHOUHU_NOTIFICATION_QUIET_HOURS": "off",
    ]
    if let sms { environment["SHOUHU_SMS_URL"] = sms }
    if let smtp { environment["SHOUHU_SMTP_URL"] = smtp }
    environment.merge(extra) { _, new in new }
    return environment
}

@Suite("Notification delivery against the real broker, a loopback SMTP server and a stand-in SMS gateway", .serialized)
struct DeliveryTests {
    @Test("an urgent escalation reaches the mentor by inbox, SMS and e-mail, and the township officer too; twice is once")
    func urgentEscalationOnEveryChannel() async throws {
        let gateway = SMSGatewayStub()
        try await gateway.start()
        let smtp = try LoopbackSMTPServer()
        defer { smtp.stop() }
        try await ServiceHarness.run(NotificationService.definition, environment: fastSettings(sms: gateway.url, smtp: smtp.url)) { service in
            let mentorId = NotificationWorld.id(), childId = NotificationWorld.id()
            try await service.publish([NotificationWorld.mentor(mentorId, phone: "13800000001", email: "li@example.cn")])
            try await service.publish([NotificationWorld.child(childId, name: "王小明")])
            try await service.publish([NotificationWorld.pairing(childId, mentorId)])
            let subscribed = try await service.send(.post, "/subscriptions", as: .township, scope: NotificationWorld.township,
                                                    subject: "officer-100",
                                                    body: try JSONSerialization.data(withJSONObject: [
                                                        "role": "township", "division": NotificationWorld.township,
                                                        "kinds": ["child.exited"], "channels": ["sms"], "phone": "13900000100"]))
            #expect(subscribed.status == .created)
            // The pairing notice went out by SMS; wait for it so the counts below are the escalation's.
            _ = await TestBroker.eventually { gateway.messages.count == 1 }

            let escalation = NotificationWorld.escalation(childId, care: 4, harm: nil)
            try await service.publish([escalation])
            try await service.publish([escalation])
            let reached = await TestBroker.eventually { gateway.messages.count >= 3 && smtp.received().count >= 1 }
            #expect(reached)
            let urgent = gateway.messages.filter { $0.text.contains("紧急") }
            #expect(Set(urgent.map(\.to)) == ["13800000001", "13900000100"])
            #expect(urgent.allSatisfy { $0.text.contains("王小明") && $0.text.utf16.count <= 70 })
            let mail = try #require(smtp.received().first)
            #expect(mail.to == ["li@example.cn"])
            #expect(mail.subject.contains("紧急") && mail.subject.contains("王小明"))
            #expect(mail.text.contains("关爱等级4级"))

            // The mentor reads their own inbox; each delivery shows as sent.
            let inbox = try await service.send(.get, "/notifications", as: .mentor, subject: mentorId)
            #expect(inbox.status == .ok)
            let page = try JSONDecoder.rfc3339.decode(InboxPage.self, from: Data(buffer: inbox.body))
            let entry = try #require(page.items.first { $0.urgent })
            #expect(entry.kind == "risk.escalated")
            _ = await TestBroker.eventually {
                let again = try? await service.send(.get, "/notifications", as: .mentor, subject: mentorId)
                let decoded = again.flatMap { try? JSONDecoder.rfc3339.decode(InboxPage.self, from: Data(buffer: $0.body)) }
                return decoded?.items.first { $0.urgent }?.deliveries.allSatisfy { $0.status == "sent" } == true
            }
            // Someone else's inbox is not theirs to read; the county officer may.
            let other = try await service.send(.get, "/notifications?recipient=officer-100", as: .mentor, subject: mentorId)
            #expect(other.status == .forbidden)
            let officerView = try await service.send(.get, "/notifications?recipient=officer-100", as: .countyOfficer)
            #expect(officerView.status == .ok)

            // The duplicate delivery of the same envelope changed nothing.
            try await Task.sleep(nanoseconds: 500_000_000)
            #expect(gateway.messages.count == 3)
            #expect(smtp.received().count == 1)
            let inboxRows = try await service.context.database.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM notification WHERE kind = 'risk.escalated'")
            }
            #expect(inboxRows == 2)
            #expect(gateway.missingKeys == 0)
        }
        await gateway.stop()
    }

    @Test("the gateway killed mid-burst and brought back: every message delivered exactly once")
    func gatewayKilledMidBurst() async throws {
        let gateway = SMSGatewayStub()
        try await gateway.start()
        let total = 60
        try await ServiceHarness.run(NotificationService.definition, environment: fastSettings(sms: gateway.url)) { service in
            let mentorId = NotificationWorld.id()
            try await service.publish([NotificationWorld.mentor(mentorId, phone: "13800000001")])
            let children = (0..<total).map { _ in NotificationWorld.id() }
            try await service.publish(children.enumerated().map { NotificationWorld.child($1, name: "儿童\($0)") })
            // Mentor pairings: one SMS each, the burst.
            try await service.publish(children.map { NotificationWorld.pairing($0, mentorId) })
            _ = await TestBroker.eventually(timeout: 30) { gateway.messages.count >= 10 }
            await gateway.stop()
            let duringOutage = gateway.messages.count
            #expect(duringOutage < total)
            // Some deliveries fail while it is down, and wait to retry.
            let retrying = try await NotificationWorld.waitForCount(
                service, "SELECT count(*) FROM delivery WHERE status = 'failed'", atLeast: 1)
            #expect(retrying >= 1)
            try await gateway.start()
            // Answers lost after delivery: the worker must retry under the same key, and the
            // gateway must not send again.
            gateway.set(.deliverThenFail)
            try await Task.sleep(nanoseconds: 1_500_000_000)
            gateway.set(.accept)
            let done = try await NotificationWorld.waitForCount(
                service, "SELECT count(*) FROM delivery WHERE status = 'sent'", atLeast: total, timeout: 60)
            #expect(done == total)
            let keys = gateway.messages.map(\.key)
            #expect(keys.count == total)
            #expect(Set(keys).count == total)
            let texts = Set(gateway.messages.map(\.text))
            #expect(children.indices.allSatisfy { index in texts.contains { $0.contains("与儿童\(index)结") } })
            // Every key the gateway saw was one of the stored deliveries.
            let stored = try await service.context.database.pool.read { db in Set(try String.fetchAll(db, sql: "SELECT id FROM delivery")) }
            #expect(Set(keys) == stored)

            let stats = try await service.send(.get, "/notifications/stats", as: .countyOfficer)
            let body = try JSONDecoder.rfc3339.decode(StatsBody.self, from: Data(buffer: stats.body))
            let sms = try #require(body.totals.first { $0.channel == "sms" })
            #expect(sms.sent == total && sms.pending == 0 && sms.failed == 0 && sms.possibleDuplicates == 0)
            #expect(body.items.contains { $0.channel == "sms" && $0.kind == "mentor.assigned" && $0.sent == total })
        }
        await gateway.stop()
    }

    @Test("stopped between sending and recording, the next start resends under the same key and the gateway sends once")
    func crashBetweenSendAndRecord() async throws {
        let gateway = SMSGatewayStub()
        try await gateway.start()
        gateway.set(.hang)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shouhu-notify-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let prefix = "t-" + UUID().uuidString.prefix(8).lowercased()
        let mentorId = NotificationWorld.id(), childId = NotificationWorld.id()
        try await ServiceHarness.run(NotificationService.definition, environment: fastSettings(sms: gateway.url),
                                     dataDirectory: directory, prefix: prefix) { service in
            try await service.publish([NotificationWorld.mentor(mentorId, phone: "13800000001")])
            try await service.publish([NotificationWorld.pairing(childId, mentorId)])
            // The gateway has the message but its answer never comes: stop now.
            let reached = await TestBroker.eventually { gateway.messages.count == 1 }
            #expect(reached)
        }
        gateway.set(.accept)
        try await ServiceHarness.run(NotificationService.definition, environment: fastSettings(sms: gateway.url),
                                     dataDirectory: directory, prefix: prefix) { service in
            let sent = try await NotificationWorld.waitForCount(service, "SELECT count(*) FROM delivery WHERE status = 'sent'", atLeast: 1)
            #expect(sent == 1)
            #expect(gateway.messages.count == 1)
            let key = try #require(gateway.messages.first?.key)
            #expect(gateway.attempts[key] == 2)
            let row = try await service.context.database.pool.read { db in
                try Row.fetchOne(db, sql: "SELECT id, uncertainAttempts, gatewayReference FROM delivery")
            }
            #expect(row?["id"] == key)
            #expect(row?["uncertainAttempts"] == 0)
            #expect(row?["gatewayReference"] == "gw-\(key)")
        }
        await gateway.stop()
    }

    @Test("an e-mail interrupted mid-send is resent and counted as a possible duplicate, SMTP having no idempotency key")
    func interruptedMailIsCounted() async throws {
        let smtp = try LoopbackSMTPServer()
        defer { smtp.stop() }
        try await ServiceHarness.run(NotificationService.definition, environment: fastSettings(smtp: smtp.url)) { service in
            let mentorId = NotificationWorld.id(), childId = NotificationWorld.id()
            try await service.publish([NotificationWorld.mentor(mentorId, phone: "13800000001", email: "li@example.cn")])
            try await service.publish([NotificationWorld.pairing(childId, mentorId)])
            try await service.publish([NotificationWorld.escalation(childId, care: 4, harm: 1)])
            #expect(await TestBroker.eventually { smtp.received().count == 1 })
            // The server has the mail a moment before the worker records it as sent: wait for the
            // record, or the rewrite below could be overwritten by it.
            let recorded = try await NotificationWorld.waitForCount(
                service, "SELECT count(*) FROM delivery WHERE channel = 'email' AND status = 'sent'", atLeast: 1)
            #expect(recorded == 1)
            // Pretend the last process stopped after sending and before recording.
            try await service.context.database.pool.write { db in
                try db.execute(sql: "UPDATE delivery SET status = 'queued', claimedAt = 1 WHERE channel = 'email'")
            }
            let configuration = NotificationConfiguration(settings: service.settings)
            let worker = DeliveryWorker(context: service.context, configuration: configuration)
            #expect(try await worker.recoverInterrupted() == 1)
            _ = await TestBroker.eventually { smtp.received().count == 2 }
            let mails = smtp.received()
            #expect(mails.count == 2)
            #expect(mails.map { $0.header("Message-ID") }.allSatisfy { $0 == mails[0].header("Message-ID") })
            let stats = try await service.send(.get, "/notifications/stats", as: .auditor)
            let body = try JSONDecoder.rfc3339.decode(StatsBody.self, from: Data(buffer: stats.body))
            #expect(body.totals.first { $0.channel == "email" }?.possibleDuplicates == 1)
        }
    }

    @Test("mentors paired after an urgent escalation hear of it on every channel, once; after 30 days a new mentor does not")
    func mentorsPairedAfterAnEscalation() async throws {
        let gateway = SMSGatewayStub()
        try await gateway.start()
        let smtp = try LoopbackSMTPServer()
        defer { smtp.stop() }
        try await ServiceHarness.run(NotificationService.definition, environment: fastSettings(sms: gateway.url, smtp: smtp.url)) { service in
            let first = NotificationWorld.id(), second = NotificationWorld.id(), late = NotificationWorld.id()
            let childId = NotificationWorld.id()
            try await service.publish([NotificationWorld.mentor(first, phone: "13800000001", email: "li@example.cn"),
                                       NotificationWorld.mentor(second, phone: "13800000002"),
                                       NotificationWorld.mentor(late, phone: "13800000003")])
            try await service.publish([NotificationWorld.child(childId, name: "王小明")])
            // Assessment's escalation comes first; mentoring's pairings follow it.
            try await service.publish([NotificationWorld.escalation(childId, care: 4, harm: 2)])
            try await service.publish([NotificationWorld.pairing(childId, first), NotificationWorld.pairing(childId, second)])
            let reached = await TestBroker.eventually {
                gateway.messages.filter { $0.text.contains("紧急") }.count >= 2 && smtp.received().count >= 1
            }
            #expect(reached)
            // Each mentor: the pairing notice and the escalation, in the inbox.
            for mentor in [first, second] {
                let inbox = try await service.send(.get, "/notifications", as: .mentor, subject: mentor)
                let kinds = try JSONDecoder.rfc3339.decode(InboxPage.self, from: Data(buffer: inbox.body)).items.map(\.kind)
                #expect(Set(kinds) == ["risk.escalated", "mentor.assigned"], "\(kinds)")
            }
            #expect(smtp.received().first?.to == ["li@example.cn"])
            // The same pairing delivered again tells nobody twice.
            try await service.publish([NotificationWorld.pairing(childId, first)])
            try await Task.sleep(nanoseconds: 500_000_000)
            #expect(gateway.messages.filter { $0.text.contains("紧急") }.map(\.to).sorted() == ["13800000001", "13800000002"])

            // A month on, a mentor paired now is not told of the old escalation.
            service.context.clock.advance(days: 31)
            try await service.publish([NotificationWorld.pairing(childId, late)])
            _ = try await NotificationWorld.waitForCount(
                service, "SELECT count(*) FROM notification WHERE recipient = ?", [late], atLeast: 1)
            let lateKinds = try await service.context.database.pool.read { db in
                try String.fetchAll(db, sql: "SELECT kind FROM notification WHERE recipient = ?", arguments: [late])
            }
            #expect(lateKinds == ["mentor.assigned"])
        }
        await gateway.stop()
    }

    @Test("a monthly report reaches the father working away by SMS, once; a home visit tells no parent")
    func monthlyReportReachesTheParents() async throws {
        let gateway = SMSGatewayStub()
        try await gateway.start()
        try await ServiceHarness.run(NotificationService.definition, environment: fastSettings(sms: gateway.url)) { service in
            let mentorId = NotificationWorld.id(), childId = NotificationWorld.id()
            try await service.publish([NotificationWorld.mentor(mentorId, phone: "13800000001")])
            try await service.publish([NotificationWorld.child(childId, name: "王小明")])
            func visit(_ kind: VisitKind, concerns: [String] = []) -> Envelope<VisitRecorded> {
                NotificationWorld.envelope(VisitRecorded(childId: childId, visitId: NotificationWorld.id(), mentorId: mentorId,
                                                         kind: kind, on: CalendarDate("2026-11-20")!, concerns: concerns))
            }
            let report = visit(.parentReport, concerns: ["近两周情绪低落"])
            try await service.publish([visit(.homeVisit), report, report])
            let reached = await TestBroker.eventually { gateway.messages.count >= 1 }
            #expect(reached)
            try await Task.sleep(nanoseconds: 500_000_000)
            // The father (working away, with a phone) hears it once; the grandmother guardian
            // and the mentor are not told of their own report.
            #expect(gateway.messages.map(\.to) == ["13800000010"])
            let text = try #require(gateway.messages.first?.text)
            #expect(text.contains("王小明") && text.contains("有1项情况需要关注") && !text.contains("情绪低落"))
            let officerView = try await service.send(.get, "/notifications?recipient=parent:\(childId):father", as: .countyOfficer)
            let page = try JSONDecoder.rfc3339.decode(InboxPage.self, from: Data(buffer: officerView.body))
            #expect(page.items.map(\.kind) == ["visit.recorded"])
            #expect(page.items.first?.body.contains("近两周情绪低落") == true)
        }
        await gateway.stop()
    }

    @Test("quiet hours hold an ordinary SMS until morning while an urgent one goes at once")
    func quietHoursHoldOrdinarySMS() async throws {
        let gateway = SMSGatewayStub()
        try await gateway.start()
        // A quiet window around the present moment, in county time.
        let minute = (Int(Date().timeIntervalSince1970) / 60 + 8 * 60) % 1440
        func clock(_ minutes: Int) -> String { let m = (minutes + 1440) % 1440; return String(format: "%02d:%02d", m / 60, m % 60) }
        let quiet = "\(clock(minute - 60))-\(clock(minute + 120))"
        let settings = fastSettings(sms: gateway.url, extra: ["SHOUHU_NOTIFICATION_QUIET_HOURS": quiet])
        try await ServiceHarness.run(NotificationService.definition, environment: settings) { service in
            let mentorId = NotificationWorld.id(), childId = NotificationWorld.id()
            try await service.publish([NotificationWorld.mentor(mentorId, phone: "13800000001")])
            try await service.publish([NotificationWorld.child(childId, name: "王小明")])
            try await service.publish([NotificationWorld.pairing(childId, mentorId)])
            try await service.publish([NotificationWorld.escalation(childId, care: 4, harm: nil)])
            let urgentSent = await TestBroker.eventually { gateway.messages.contains { $0.text.contains("紧急") } }
            #expect(urgentSent)
            try await Task.sleep(nanoseconds: 500_000_000)
            #expect(gateway.messages.count == 1)
            let held = try await service.context.database.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM delivery WHERE kind = 'mentor.assigned' AND status = 'queued'")
            }
            #expect(held == 1)
            service.context.clock.advance(by: 3 * 3600)
            let released = await TestBroker.eventually { gateway.messages.count == 2 }
            #expect(released)
        }
        await gateway.stop()
    }
}

/// The inbox as served, as much as the tests read.
struct InboxPage: Decodable {
    struct Entry: Decodable {
        struct Delivery: Decodable {
            var channel: String
            var status: String
        }
        var id: String
        var kind: String
        var urgent: Bool
        var title: String
        var body: String
        var readAt: Date?
        var deliveries: [Delivery]
    }
    var items: [Entry]
    var nextCursor: String?
}

/// The stats as served.
struct StatsBody: Decodable {
    struct Count: Decodable {
        var channel: String
        var kind: String?
        var sent: Int
        var pending: Int
        var failed: Int
        var possibleDuplicates: Int
    }
    var items: [Count]
    var totals: [Count]
}

extension JSONDecoder {
    static let rfc3339: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
