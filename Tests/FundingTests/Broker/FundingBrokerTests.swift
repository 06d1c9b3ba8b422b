import Foundation
import Funding
import FundingDomain
import GRDB
import Hummingbird
import HummingbirdTesting
import ShouhuEvents
import ShouhuService
import ShouhuServiceTestSupport
import ShouhuTestSupport
import Testing

/// The funding service against the real broker: children arrive as events, officers work over
/// HTTP, and the events it emits are watched on notification's queue.
@Suite("Funding against a real broker")
struct FundingBrokerTests {
    static let environment = [
        "SHOUHU_FUNDING_DEBTOR_NAME": "习水县民政局", "SHOUHU_FUNDING_DEBTOR_ACCOUNT": "52050162360800000123",
    ]

    /// Registers `count` single-parent primary pupils by event and waits until funding has them.
    static func registerChildren(_ service: ServiceHarness, count: Int) async throws -> [String] {
        let ids = (1...count).map { _ in UUID().uuidString.lowercased() }
        let envelopes = ids.enumerated().map { index, id in
            Envelope(county: service.settings.county, payload: ChildRegistered(
                childId: id, name: "学生\(index)", gender: .female, birthDate: CalendarDate("2016-04-01")!, schoolStage: .primary,
                schoolId: "S001", villageCode: "520330100001", guardian: .init(relation: .grandparent, name: "外婆\(index)"),
                parents: [.init(role: .father, status: .workingAway), .init(role: .mother, status: .workingAway)],
                familyFlags: [.singleParent], registeredOn: CalendarDate("2026-03-01")!))
        }
        try await service.publish(envelopes)
        // Delivered twice: the inbox must make it harmless.
        try await service.publish([envelopes[0]])
        let arrived = try await TestBroker.eventually {
            try await service.context.database.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM child") } == count
        }
        #expect(arrived)
        for (index, id) in ids.enumerated() {
            let response = try await service.send(.put, "/children/\(id)/payee-account", as: .fundingOfficer, subject: "officer-a",
                                                   json: ["bankName": "农村信用社", "accountNumber": "6222 0212 3456 78\(String(format: "%03d", index))"])
            #expect(response.status == .ok)
            let text = String(buffer: response.body)
            #expect(!text.contains("622202123456"), "the account number is masked: \(text)")
        }
        return ids
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    @Test("four eyes over HTTP; approval emits exactly one disbursement.approved; a results file applied twice settles once")
    func approveAndSettle() async throws {
        try await ServiceHarness.run(FundingService.definition, environment: Self.environment) { service in
            let listener = try service.listen(as: .notification)
            let children = try await Self.registerChildren(service, count: 3)
            let period = "\(service.context.clock.today().year)-\(service.context.clock.today().month < 8 ? "S1" : "S2")"

            let created = try await service.send(.post, "/batches", as: .fundingOfficer, subject: "officer-a", json: ["period": period])
            #expect(created.status == .created)
            let batch = try Self.json(created)
            let id = try #require(batch["id"] as? String)
            #expect(batch["count"] as? Int == 3)

            let own = try await service.send(.post, "/batches/\(id)/approve", as: .fundingOfficer, subject: "officer-a")
            #expect(own.status == .forbidden)
            #expect(String(buffer: own.body).contains("four_eyes"))
            let auditor = try await service.send(.post, "/batches/\(id)/approve", as: .auditor, subject: "auditor-1")
            #expect(auditor.status == .forbidden)

            let approved = try await service.send(.post, "/batches/\(id)/approve", as: .countyOfficer, subject: "officer-b")
            #expect(approved.status == .ok)
            let twice = try await service.send(.post, "/batches/\(id)/approve", as: .fundingOfficer, subject: "officer-c")
            #expect(twice.status == .conflict)

            let file = try await service.send(.get, "/batches/\(id)/payment-file?format=csv", as: .fundingOfficer, subject: "officer-a")
            #expect(file.status == .ok)
            let bytes = Array(Data(buffer: file.body))
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let xml = try await service.send(.get, "/batches/\(id)/payment-file?format=pain001", as: .fundingOfficer, subject: "officer-a")
            let xmlAgain = try await service.send(.get, "/batches/\(id)/payment-file?format=pain001", as: .fundingOfficer, subject: "officer-a")
            #expect(xml.status == .ok)
            #expect(Data(buffer: xml.body) == Data(buffer: xmlAgain.body))

            // The bank returns the uploaded sheet with a status column: the first paid, the second failed.
            var lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).split(separator: "\r\n").map(String.init)
            lines[0] += ",状态,原因"
            lines[1] += ",成功,"
            lines[2] += ",失败,户名不符"
            let results = Data((lines.prefix(3).joined(separator: "\r\n") + "\r\n").utf8)
            let applied = try await service.send(.post, "/batches/\(id)/results", as: .fundingOfficer, subject: "officer-a",
                                                 body: results, contentType: "text/csv")
            #expect(applied.status == .ok)
            #expect(try Self.json(applied)["paid"] as? Int == 1)
            let again = try await service.send(.post, "/batches/\(id)/results", as: .fundingOfficer, subject: "officer-a",
                                               body: results, contentType: "text/csv")
            let second = try Self.json(again)
            #expect(second["paid"] as? Int == 0 && second["failed"] as? Int == 0)

            let settled = await listener.waitFor(DisbursementSettled.self, count: 2)
            #expect(settled.count == 2)
            #expect(Set(settled.map(\.payload.outcome)) == [.paid, .failed])
            #expect(settled.allSatisfy { children.contains($0.payload.childId) })
            // Settlements were appended after the approval, so by now the approval has arrived.
            #expect(try await service.outboxDrained())
            let approvals = listener.events(DisbursementApproved.self)
            #expect(approvals.count == 1)
            #expect(approvals.first?.payload.count == 3)
            #expect(approvals.first?.payload.totalFen == 150_000)
            #expect(listener.events(DisbursementSettled.self).count == 2)

            let listed = try await service.send(.get, "/batches/\(id)/lines", as: .auditor)
            #expect(listed.status == .ok)
            #expect(String(buffer: listed.body).contains("6222*********"))
            #expect(!String(buffer: listed.body).contains("622202123456"), "account numbers are masked in lines")
            let summary = try Self.json(try await service.send(.get, "/batches/\(id)", as: .auditor))
            #expect((summary["paid"] as? [String: Any])?["count"] as? Int == 1)
            #expect((summary["failed"] as? [String: Any])?["count"] as? Int == 1)
            #expect((summary["pending"] as? [String: Any])?["count"] as? Int == 1)
            let audit = try Self.json(try await service.send(.get, "/audit?batch=\(id)", as: .auditor))
            let actions = (audit["items"] as? [[String: Any]])?.compactMap { $0["action"] as? String } ?? []
            #expect(actions == ["batch_created", "batch_approved", "payment_file_exported", "payment_file_exported",
                                "payment_file_exported", "results_applied", "results_applied"])
            let report = try Self.json(try await service.send(.get, "/reports/paid?by=township", as: .countyOfficer))
            #expect(report["totalFen"] as? Int == 50_000)
        }
    }

    @Test("a bank results file over 1 MiB is applied; one over SHOUHU_FUNDING_RESULTS_MAX_BYTES gets 413 and changes nothing")
    func largeResultsFiles() async throws {
        var environment = Self.environment
        environment["SHOUHU_FUNDING_RESULTS_MAX_BYTES"] = String(2 << 20)
        try await ServiceHarness.run(FundingService.definition, environment: environment) { service in
            _ = try await Self.registerChildren(service, count: 3)
            let today = service.context.clock.today()
            let period = "\(today.year)-\(today.month < 8 ? "S1" : "S2")"
            let id = try #require(try Self.json(try await service.send(.post, "/batches", as: .fundingOfficer, subject: "officer-a",
                                                                       json: ["period": period]))["id"] as? String)
            #expect(try await service.send(.post, "/batches/\(id)/approve", as: .countyOfficer, subject: "officer-b").status == .ok)
            let file = try await service.send(.get, "/batches/\(id)/payment-file?format=csv", as: .fundingOfficer, subject: "officer-a")
            let sheet = String(decoding: Array(Data(buffer: file.body)).dropFirst(3), as: UTF8.self)
                .split(separator: "\r\n").map(String.init)
            let columns = sheet[0].split(separator: ",", omittingEmptySubsequences: false).count
            let referenceColumn = try #require(PaymentCSVWriter.header.firstIndex(of: "付款参考号"))
            // The bank's sheet: our three payments paid, then lines it adds for payments that are
            // not this batch's (reported, never applied), enough to pass 1 MiB.
            func unknown(_ index: Int) -> String {
                var fields = Array(repeating: "", count: columns)
                fields[referenceColumn] = "OTHER-BATCH-\(String(format: "%08d", index))"
                return fields.joined(separator: ",") + ",成功,"
            }
            var text = sheet[0] + ",状态,原因\r\n" + sheet[1...3].map { $0 + ",成功,\r\n" }.joined()
            var extra = 0
            while text.utf8.count <= (1 << 20) + 4096 {
                text += unknown(extra) + "\r\n"
                extra += 1
            }
            let big = try await service.send(.post, "/batches/\(id)/results", as: .fundingOfficer, subject: "officer-a",
                                             body: Data(text.utf8), contentType: "text/csv")
            #expect(big.status == .ok, "\(String(buffer: big.body).prefix(300))")
            let applied = try Self.json(big)
            #expect(applied["paid"] as? Int == 3)
            #expect((applied["reported"] as? [Any])?.count == extra)

            // Past the configured limit: refused whole, naming the setting; nothing more is recorded.
            var huge = text
            while huge.utf8.count <= 2 << 20 { huge += unknown(extra) + "\r\n"; extra += 1 }
            let refused = try await service.send(.post, "/batches/\(id)/results", as: .fundingOfficer, subject: "officer-a",
                                                 body: Data(huge.utf8), contentType: "text/csv")
            #expect(refused.status == .contentTooLarge)
            #expect(String(buffer: refused.body).contains("SHOUHU_FUNDING_RESULTS_MAX_BYTES"))
            let audit = try Self.json(try await service.send(.get, "/audit?batch=\(id)", as: .auditor))
            let actions = (audit["items"] as? [[String: Any]])?.compactMap { $0["action"] as? String } ?? []
            #expect(actions.filter { $0 == "results_applied" }.count == 1)
        }
    }

    @Test("bad input gets the error JSON naming the field, and an over-budget batch is refused with the figures")
    func refusals() async throws {
        var environment = Self.environment
        environment["SHOUHU_FUNDING_BUDGET_FEN"] = "100000"
        try await ServiceHarness.run(FundingService.definition, environment: environment) { service in
            _ = try await Self.registerChildren(service, count: 3)
            let today = service.context.clock.today()
            let period = "\(today.year)-\(today.month < 8 ? "S1" : "S2")"
            let bad = try await service.send(.post, "/batches", as: .fundingOfficer, json: ["period": "2026-S3"])
            #expect(bad.status == .badRequest)
            #expect(try Self.json(bad)["error"].flatMap { ($0 as? [String: Any])?["field"] as? String } == "period")
            let over = try await service.send(.post, "/batches", as: .fundingOfficer, json: ["period": period])
            #expect(over.status == .unprocessableContent)
            let error = try #require(try Self.json(over)["error"] as? [String: Any])
            #expect(error["code"] as? String == "over_budget")
            #expect((error["figures"] as? [String: Any])?["requiredFen"] as? Int == 150_000)
            #expect((error["figures"] as? [String: Any])?["remainingFen"] as? Int == 100_000)
            let batches = try Self.json(try await service.send(.get, "/batches", as: .fundingOfficer))
            #expect((batches["items"] as? [Any])?.isEmpty == true)
            let account = try await service.send(.put, "/children/\(UUID().uuidString.lowercased())/payee-account", as: .fundingOfficer,
                                                 json: ["bankName": "x", "accountNumber": "12345678"])
            #expect(account.status == .notFound)
            let village = try await service.send(.post, "/batches", as: .village, scope: "520330100001", json: ["period": period])
            #expect(village.status == .forbidden)
        }
    }
}
