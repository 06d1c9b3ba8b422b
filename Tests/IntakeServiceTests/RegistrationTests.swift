import Foundation
import Hummingbird
import HummingbirdTesting
import Intake
import ShouhuEvents
import ShouhuService
import ShouhuServiceTestSupport
import ShouhuTestSupport
import Testing

@Suite("Intake: registering, reading and changing children against the real broker")
struct RegistrationTests {
    @Test("a registration emits child.registered with the contract's fields and never the ID number")
    func registrationEmitsTheEventWithoutTheIDNumber() async throws {
        try await ServiceHarness.run(IntakeService.definition) { service in
            let listener = try service.listen(as: .assessment)
            let today = service.context.clock.today()
            let file = Sample.child(today: today)
            let idNumber = try #require(file["idNumber"] as? String)
            let response = try await service.send(.post, "/children", as: .village, scope: Sample.village, object: file)
            #expect(response.status == .created)
            let childId = try #require(response.object["id"] as? String)
            #expect(response.object["idNumber"] as? String == String(idNumber.prefix(6)) + "********" + String(idNumber.suffix(4)))
            #expect(response.object["idNumberShown"] as? String == "masked")
            #expect(response.headers[.eTag] == "\"1\"")
            #expect(!response.text.contains(idNumber))

            let events = await listener.waitFor(ChildRegistered.self)
            let event = try #require(events.first)
            #expect(event.payload.childId == childId)
            #expect(event.payload.name == "王小明")
            #expect(event.payload.gender == .male)
            #expect(event.payload.villageCode == Sample.village)
            #expect(event.payload.schoolId == Sample.school)
            #expect(event.payload.schoolStage == .primary)
            #expect(event.payload.guardian == ChildRegistered.Guardian(relation: .grandparent, name: "王德福", phone: "13700137000"))
            #expect(event.payload.parents.map(\.status) == [.workingAway, .workingAway])
            #expect(event.payload.familyFlags == [.minimumAllowance])
            #expect(event.payload.registeredOn == today)
            #expect(event.county == "520330")
            let raw = try #require(listener.deliveries.first { $0.routingKey == ChildRegistered.routingKey })
            let body = String(decoding: raw.body, as: UTF8.self)
            #expect(!body.contains(idNumber))
            #expect(!body.contains(String(idNumber.dropLast(4))))
            #expect(!body.contains("idNumber"))

            let stored = try await service.count("children", where: "idSealed LIKE 'v1:%' AND idLookup IS NOT NULL")
            #expect(stored == 1)
            let clear = try await service.count("children", where: "document LIKE '%\(idNumber)%' OR idSealed LIKE '%\(idNumber)%'")
            #expect(clear == 0)
        }
    }

    @Test("a failed request writes nothing and emits nothing, and names the field")
    func failedRequestsChangeNothing() async throws {
        try await ServiceHarness.run(IntakeService.definition) { service in
            let today = service.context.clock.today()
            let first = Sample.child(today: today)
            _ = try await service.register(first)
            #expect(try await service.outboxDrained())
            let children = try await service.count("children")
            let outbox = try await service.count("shouhu_outbox")

            var badCheck = Sample.child(name: "李四", today: today, sequence: 125)
            let id = badCheck["idNumber"] as! String
            badCheck["idNumber"] = String(id.dropLast()) + (id.last == "1" ? "2" : "1")
            var notLeftBehind = Sample.child(name: "赵五", today: today, sequence: 127)
            notLeftBehind["parents"] = [["role": "father", "status": "at_home"],
                                        ["role": "mother", "status": "working_away", "place": "上海",
                                         "since": today.adding(days: -400).description]]
            var badPhone = Sample.child(name: "钱六", today: today, sequence: 129)
            badPhone["guardian"] = ["relation": "grandparent", "name": "钱老", "phone": "12345"]
            var outside = Sample.child(name: "孙七", today: today, sequence: 131)
            outside["villageCode"] = "520121100201"
            var recentlyAway = Sample.child(name: "周八", today: today, sequence: 133)
            recentlyAway["parents"] = [["role": "father", "status": "working_away", "place": "上海", "since": today.adding(days: -30).description],
                                       ["role": "mother", "status": "working_away", "place": "上海", "since": today.adding(days: -30).description]]

            let cases: [(String, [String: Any], Role, String?, HTTPResponse.Status, String, String?)] = [
                ("bad check character", badCheck, .countyOfficer, nil, .badRequest, "invalid_id_number", "idNumber"),
                ("a parent at home", notLeftBehind, .countyOfficer, nil, .unprocessableContent, "not_left_behind", nil),
                ("parents away a month", recentlyAway, .countyOfficer, nil, .unprocessableContent, "not_left_behind", nil),
                ("same ID number", first, .countyOfficer, nil, .conflict, "duplicate_id_number", "idNumber"),
                ("bad guardian phone", badPhone, .countyOfficer, nil, .badRequest, "invalid_phone", "guardian.phone"),
                ("village in another county", outside, .countyOfficer, nil, .badRequest, "village_outside_county", "villageCode"),
                ("another village's child", Sample.child(name: "吴九", today: today, sequence: 135, village: Sample.otherVillage),
                 .village, Sample.village, .forbidden, "out_of_scope", "villageCode"),
            ]
            for (label, file, role, scope, status, code, field) in cases {
                let response = try await service.send(.post, "/children", as: role, scope: scope, object: file)
                #expect(response.status == status, "\(label)")
                #expect(response.error["code"] as? String == code, "\(label): \(response.text)")
                if let field { #expect(response.error["field"] as? String == field, "\(label)") }
            }
            let malformed = try await service.send(.post, "/children", as: .countyOfficer, body: Data("{\"name\": 3".utf8))
            #expect(malformed.status == .badRequest)
            let reason = try await service.send(.post, "/children", as: .countyOfficer, object: notLeftBehind)
            #expect((reason.error["message"] as? String)?.contains("father lives at home") == true)

            #expect(try await service.count("children") == children)
            #expect(try await service.count("shouhu_outbox") == outbox)
        }
    }

    @Test("a child with no ID number and the same name, birth date and village is flagged, and a judgement stays")
    func likelyDuplicatesAreFlaggedNotMerged() async throws {
        try await ServiceHarness.run(IntakeService.definition) { service in
            let today = service.context.clock.today()
            let first = try await service.register(Sample.child(today: today, id: false))
            var again = Sample.child(today: today, id: false)
            again["name"] = "王 小明"
            let response = try await service.send(.post, "/children", as: .countyOfficer, object: again)
            #expect(response.status == .created)
            let second = try #require(response.object["id"] as? String)
            #expect(response.object["likelyDuplicates"] as? [String] == [first])

            let open = try await service.send(.get, "/duplicate-reviews", as: .township, scope: Sample.township)
            let items = try #require(open.object["items"] as? [[String: Any]])
            #expect(items.count == 1)
            let reviewId = try #require(items.first?["id"] as? String)
            let judged = try await service.send(.post, "/duplicate-reviews/\(reviewId)", as: .countyOfficer,
                                                object: ["decision": "not_same_child", "note": "twins"])
            #expect(judged.object["status"] as? String == "not_same_child")
            // A third file with the same key is flagged against both; the judged pair stays judged.
            _ = try await service.register(Sample.child(today: today, id: false))
            #expect(try await service.count("duplicate_reviews", where: "status = 'not_same_child'") == 1)
            #expect(try await service.count("duplicate_reviews", where: "status = 'open'") == 2)
            let reread = try await service.send(.get, "/children/\(second)", as: .countyOfficer)
            #expect((reread.object["likelyDuplicates"] as? [String])?.contains(first) != true)
        }
    }

    @Test("PATCH checks the version: a stale one is 409, and child.updated carries only what changed")
    func patchWithOptimisticConcurrency() async throws {
        try await ServiceHarness.run(IntakeService.definition) { service in
            let listener = try service.listen(as: .mentoring)
            let today = service.context.clock.today()
            let id = try await service.register(Sample.child(today: today))
            let guardian: [String: Any] = ["relation": "other_relative", "name": "王叔", "phone": "13711112222"]
            let first = try await service.send(.patch, "/children/\(id)", as: .village, scope: Sample.village,
                                               object: ["version": 1, "guardian": guardian, "address": "新址"])
            #expect(first.status == .ok)
            #expect(first.object["version"] as? Int == 2)
            #expect(first.headers[.eTag] == "\"2\"")

            let stale = try await service.send(.patch, "/children/\(id)", as: .countyOfficer, object: ["version": 1, "grade": 4])
            #expect(stale.status == .conflict)
            #expect(stale.error["code"] as? String == "version_conflict")
            let missing = try await service.send(.patch, "/children/\(id)", as: .countyOfficer, object: ["grade": 4])
            #expect(missing.status == .preconditionRequired)
            let unknown = try await service.send(.patch, "/children/\(id)", as: .countyOfficer, object: ["version": 2, "nmae": "x"])
            #expect(unknown.error["field"] as? String == "nmae")
            let badValue = try await service.send(.patch, "/children/\(id)", as: .countyOfficer, object: ["version": 2, "gender": "x"])
            #expect(badValue.error["field"] as? String == "gender")

            let second = try await service.send(.patch, "/children/\(id)", as: .countyOfficer, object: ["grade": 4, "className": NSNull()],
                                                headers: [.ifMatch: "\"2\""])
            #expect(second.status == .ok)
            #expect(second.object["className"] == nil)

            let updates = await listener.waitFor(ChildUpdated.self, count: 2)
            #expect(updates.count == 2)
            #expect(updates.first?.payload.changed == ["guardian"])
            #expect(updates.first?.payload.guardian?.relation == .otherRelative)
            #expect(updates.last?.payload.changed == ["grade", "className"])
            #expect(updates.last?.payload.grade == "4")
            #expect(try await service.count("children", where: "version = 3") == 1)
        }
    }

    @Test("an exit is recorded and kept; a second exit is 409; the row cannot be deleted")
    func exitsAreRecordedNeverDeleted() async throws {
        try await ServiceHarness.run(IntakeService.definition) { service in
            let listener = try service.listen(as: .funding)
            let today = service.context.clock.today()
            let id = try await service.register(Sample.child(today: today))
            let exit = try await service.send(.post, "/children/\(id)/exit", as: .village, scope: Sample.village,
                                              object: ["reason": "moved_away", "note": "搬到贵阳"])
            #expect(exit.status == .ok)
            #expect(exit.object["status"] as? String == "exited")
            let again = try await service.send(.post, "/children/\(id)/exit", as: .countyOfficer, object: ["reason": "other"])
            #expect(again.error["code"] as? String == "already_exited")
            let badReason = try await service.send(.post, "/children/\(id)/exit", as: .countyOfficer, object: ["reason": "bored"])
            #expect(badReason.status == .badRequest)
            #expect(badReason.error["field"] as? String == "reason")
            let exited = await listener.waitFor(ChildExited.self)
            #expect(exited.first?.payload.reason == .movedAway)
            #expect(exited.first?.payload.on == today)
            await #expect(throws: (any Error).self) {
                try await service.context.database.pool.write { db in try db.execute(sql: "DELETE FROM children") }
            }
            let listed = try await service.send(.get, "/children?status=exited", as: .countyOfficer)
            #expect((listed.object["items"] as? [Any])?.count == 1)
        }
    }

    @Test("only the county officer sees the ID number whole, on asking, and every such read is audited")
    func unmaskedReadsAreAudited() async throws {
        try await ServiceHarness.run(IntakeService.definition) { service in
            let today = service.context.clock.today()
            let file = Sample.child(today: today)
            let id = try await service.register(file)
            let plain = try await service.send(.get, "/children/\(id)", as: .countyOfficer)
            #expect(plain.object["idNumberShown"] as? String == "masked")
            let whole = try await service.send(.get, "/children/\(id)?show=idNumber", as: .countyOfficer, subject: "officer-li")
            #expect(whole.object["idNumber"] as? String == file["idNumber"] as? String)
            #expect(whole.object["idNumberShown"] as? String == "whole")
            for role in [Role.village, .auditor, .school, .township] {
                let scope: String? = role == .school ? Sample.school : role == .auditor ? nil : Sample.village
                let refused = try await service.send(.get, "/children/\(id)?show=idNumber", as: role, scope: scope)
                #expect(refused.status == .forbidden, "\(role)")
            }
            let audit = try await service.send(.get, "/audit/id-reads", as: .auditor)
            let reads = try #require(audit.object["items"] as? [[String: Any]])
            #expect(reads.count == 1)
            #expect(reads.first?["subject"] as? String == "officer-li")
            #expect(reads.first?["childId"] as? String == id)
        }
    }

    @Test("lists are scoped by role and filtered, with cursor paging")
    func listsAreScopedAndPaged() async throws {
        try await ServiceHarness.run(IntakeService.definition) { service in
            let today = service.context.clock.today()
            for index in 0..<5 {
                _ = try await service.register(Sample.child(name: "甲\(index)", today: today, sequence: 101 + 2 * index))
            }
            for index in 0..<3 {
                _ = try await service.register(Sample.child(name: "乙\(index)", today: today, sequence: 201 + 2 * index,
                                                            village: Sample.otherVillage, school: "xs-tongmin"))
            }
            func ids(_ path: String, _ role: Role, _ scope: String? = nil) async throws -> [String] {
                var all: [String] = []
                var next: String? = path
                while let page = next {
                    let response = try await service.send(.get, page, as: role, scope: scope)
                    #expect(response.status == .ok, "\(path)")
                    all += (response.object["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
                    next = (response.object["nextCursor"] as? String).map { path + (path.contains("?") ? "&" : "?") + "cursor=\($0)" }
                }
                return all
            }
            #expect(try await ids("/children?limit=2", .countyOfficer).count == 8)
            #expect(Set(try await ids("/children?limit=2", .countyOfficer)).count == 8)
            #expect(try await ids("/children", .village, Sample.village).count == 5)
            #expect(try await ids("/children", .township, "520330102").count == 3)
            #expect(try await ids("/children", .school, "xs-tongmin").count == 3)
            #expect(try await ids("/children?village=\(Sample.village)", .countyOfficer).count == 5)
            #expect(try await ids("/children?school=xs-tongmin", .countyOfficer).count == 3)
            #expect(try await ids("/children?village=\(Sample.otherVillage)", .village, Sample.village).isEmpty)
            let bad = try await service.send(.get, "/children?status=gone", as: .countyOfficer)
            #expect(bad.error["field"] as? String == "status")
            let other = try await ids("/children", .village, Sample.village)
            let hidden = try await service.send(.get, "/children/\(try await ids("/children?school=xs-tongmin", .countyOfficer)[0])",
                                                as: .village, scope: Sample.village)
            #expect(hidden.status == .notFound)
            #expect(!other.isEmpty)
        }
    }
}
