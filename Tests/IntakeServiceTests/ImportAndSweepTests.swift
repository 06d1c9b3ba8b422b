import Foundation
import Hummingbird
import HummingbirdTesting
import Intake
import ShouhuEvents
import ShouhuService
import ShouhuServiceTestSupport
import ShouhuTestSupport
import Testing

@Suite("Intake: ledger imports, the aged-out sweep, reports and the village list, against the real broker")
struct ImportAndSweepTests {
    /// A ledger as a village keeps it, with Chinese headers: three good rows, one with a bad
    /// check character, one without a name.
    static func ledgerCSV(today: CalendarDate) -> Data {
        let since = today.adding(days: -300).description
        var lines = ["序号,姓名,性别,出生日期,身份证号码,学段,学校,年级,村（居）委会代码,父亲状况,父亲务工地点,父亲外出时间,母亲状况,母亲务工地点,母亲外出时间,监护人姓名,与儿童关系,监护人电话,家庭情况"]
        for index in 0..<3 {
            let birth = today.adding(days: -(3000 + index))
            let id = Sample.idNumber(birth: birth, sequence: 301 + 2 * index)
            lines.append("\(index + 1),张\(index),男,\(birth),\(id),小学,\(Sample.school),三年级,\(Sample.village),外出务工,浙江,\(since),外出务工,浙江,\(since),张爷,爷爷,13700137000,低保")
        }
        let birth = today.adding(days: -3100)
        let bad = Sample.idNumber(birth: birth, sequence: 401)
        let corrupted = String(bad.dropLast()) + (bad.last == "1" ? "2" : "1")
        lines.append("4,李四,男,\(birth),\(corrupted),小学,\(Sample.school),三年级,\(Sample.village),外出务工,浙江,\(since),外出务工,浙江,\(since),李爷,爷爷,13700137000,无")
        lines.append("5,,男,\(birth),,小学,\(Sample.school),三年级,\(Sample.village),外出务工,浙江,\(since),外出务工,浙江,\(since),李爷,爷爷,13700137000,无")
        return Data(lines.joined(separator: "\r\n").utf8)
    }

    @Test("an import gives each row its result, and importing the same file again creates nothing twice")
    func importRerunCreatesNothingTwice() async throws {
        try await ServiceHarness.run(IntakeService.definition) { service in
            let listener = try service.listen(as: .notification)
            let file = Self.ledgerCSV(today: service.context.clock.today())
            let first = try await service.send(.post, "/imports", as: .village, scope: Sample.village, body: file, contentType: "text/csv")
            #expect(first.status == .created, "\(first.text)")
            let summary = try #require(first.object["import"] as? [String: Any])
            #expect(summary["created"] as? Int == 3)
            #expect(summary["rejected"] as? Int == 2)
            #expect(summary["status"] as? String == "finished")
            let rows = try #require(first.object["rows"] as? [[String: Any]])
            #expect(rows.map { $0["row"] as? Int } == [2, 3, 4, 5, 6])
            #expect(rows[3]["outcome"] as? String == "rejected")
            #expect(rows[3]["code"] as? String == "invalid_id_number")
            #expect(rows[3]["field"] as? String == "idNumber")
            #expect(rows[4]["field"] as? String == "name")
            #expect(!first.text.contains(String(Sample.idNumber(birth: service.context.clock.today().adding(days: -3000), sequence: 301))))

            let second = try await service.send(.post, "/imports", as: .village, scope: Sample.village, body: file, contentType: "text/csv")
            let again = try #require(second.object["import"] as? [String: Any])
            #expect(again["created"] as? Int == 0)
            #expect(again["duplicates"] as? Int == 3)
            #expect(try await service.count("children") == 3)
            let created = rows.compactMap { $0["outcome"] as? String == "created" ? $0["childId"] as? String : nil }
            let matched = (second.object["rows"] as? [[String: Any]] ?? []).compactMap {
                $0["outcome"] as? String == "duplicate" ? $0["childId"] as? String : nil
            }
            #expect(matched == created)

            let importId = try #require(summary["id"] as? String)
            let progress = try await service.send(.get, "/imports/\(importId)", as: .village, scope: Sample.village)
            #expect(progress.object["rowsRead"] as? Int == 5)
            let rejected = try await service.send(.get, "/imports/\(importId)/rows?outcome=rejected", as: .countyOfficer)
            #expect((rejected.object["items"] as? [Any])?.count == 2)
            let stranger = try await service.send(.get, "/imports/\(importId)", as: .village, scope: Sample.village, subject: "someone-else")
            #expect(stranger.status == .notFound)

            #expect(await listener.waitFor(ChildRegistered.self, count: 3).count == 3)
            #expect(try await service.outboxDrained())
            #expect(listener.events(ChildRegistered.self).count == 3)
        }
    }

    @Test("blank lines in a ledger are skipped, and the rows keep their line numbers")
    func blankLinesAreSkipped() async throws {
        try await ServiceHarness.run(IntakeService.definition) { service in
            let text = String(decoding: Self.ledgerCSV(today: service.context.clock.today()), as: UTF8.self)
            let lines = text.components(separatedBy: "\r\n")
            let file = Data([lines[0], lines[1], "", lines[2], ""].joined(separator: "\r\n").utf8)
            let answer = try await service.send(.post, "/imports", as: .village, scope: Sample.village, body: file,
                                                contentType: "text/csv")
            #expect(answer.status == .created, "\(answer.text)")
            let rows = try #require(answer.object["rows"] as? [[String: Any]])
            #expect(rows.map { $0["row"] as? Int } == [2, 4])
            #expect(rows.map { $0["outcome"] as? String } == ["created", "created"])
        }
    }

    @Test("an import refuses rows outside the caller's scope, a file without required columns, and an .xls")
    func importRefusals() async throws {
        try await ServiceHarness.run(IntakeService.definition) { service in
            let file = Self.ledgerCSV(today: service.context.clock.today())
            let elsewhere = try await service.send(.post, "/imports", as: .village, scope: Sample.otherVillage, body: file,
                                                   contentType: "text/csv")
            let summary = try #require(elsewhere.object["import"] as? [String: Any])
            #expect(summary["created"] as? Int == 0)
            #expect((elsewhere.object["rows"] as? [[String: Any]])?.first?["code"] as? String == "out_of_scope")
            let headless = try await service.send(.post, "/imports", as: .countyOfficer, body: Data("a,b,c\n1,2,3\n".utf8),
                                                  contentType: "text/csv")
            #expect(headless.error["code"] as? String == "missing_required_columns")
            let xls = try await service.send(.post, "/imports", as: .countyOfficer,
                                             body: Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]),
                                             contentType: "application/vnd.ms-excel")
            #expect(xls.error["code"] as? String == "unsupported_format")
            #expect(try await service.count("children") == 0)
            #expect(try await service.count("imports") == 1)
        }
    }

    @Test("an .xlsx written by LibreOffice imports through the same rules")
    func xlsxImport() async throws {
        try await ServiceHarness.run(IntakeService.definition) { service in
            var url = URL(fileURLWithPath: #filePath)
            url.deleteLastPathComponent()
            let data = try Data(contentsOf: url.deletingLastPathComponent().appendingPathComponent("IntakeTests/Fixtures/ledger-chinese-libreoffice.xlsx"))
            let response = try await service.send(.post, "/imports", as: .countyOfficer, body: data,
                                                   contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(response.status == .created)
            let summary = try #require(response.object["import"] as? [String: Any])
            #expect(summary["format"] as? String == "xlsx")
            #expect((summary["rowsRead"] as? Int ?? 0) > 0)
            // The fixture's villages are in 开阳县 (520121), not this county: every row says so.
            let rows = try #require(response.object["rows"] as? [[String: Any]])
            #expect(rows.allSatisfy { $0["outcome"] as? String == "rejected" })
            #expect(rows.contains { $0["code"] as? String == "village_outside_county" })
        }
    }

    @Test("the daily sweep exits a child on the birthday that reaches the age limit, once, at the county clock")
    func agedOutSweepWithAMovedClock() async throws {
        try await ServiceHarness.run(IntakeService.definition) { service in
            let listener = try service.listen(as: .assessment)
            let today = service.context.clock.today()
            let birth = CalendarDate(year: today.year - 18, month: today.month, day: today.day)!.adding(days: 10)
            var file = Sample.child(today: today, birth: birth)
            file["schoolStage"] = "senior_high"
            file["grade"] = 12
            let id = try await service.register(file)
            let younger = try await service.register(Sample.child(name: "小妹", today: today, sequence: 501))
            let sweep = try #require(service.plumbing.sweeps.first { $0.name == "aged_out" })
            #expect(try await sweep.runOnce() == 0)
            service.context.clock.advance(days: 9)
            #expect(try await sweep.runOnce() == 0)
            service.context.clock.advance(days: 1)
            #expect(try await sweep.runOnce() == 1)
            #expect(try await sweep.runOnce() == 0)
            let exited = await listener.waitFor(ChildExited.self)
            #expect(exited.map(\.payload.childId) == [id])
            #expect(exited.first?.payload.reason == .agedOut)
            #expect(exited.first?.payload.on == birth.adding(days: 0).adding(months: 18 * 12))
            let read = try await service.send(.get, "/children/\(younger)", as: .countyOfficer)
            #expect(read.object["status"] as? String == "active")
            #expect(try await service.count("child_exits", where: "reason = 'aged_out'") == 1)
        }
    }

    @Test("the age limit is a county setting: at 16 the sweep exits a 16-year-old")
    func ageLimitSetting() async throws {
        try await ServiceHarness.run(IntakeService.definition, environment: ["SHOUHU_INTAKE_AGE_LIMIT": "16"]) { service in
            let today = service.context.clock.today()
            let birth = today.adding(days: -(16 * 365 + 30))
            let tooOld = try await service.send(.post, "/children", as: .countyOfficer, object: Sample.child(today: today, birth: birth))
            #expect(tooOld.error["code"] as? String == "not_left_behind")
            let id = try await service.register(Sample.child(today: today, birth: today.adding(days: -(16 * 365 - 30))))
            service.context.clock.advance(days: 40)
            #expect(try await service.plumbing.sweeps[0].runOnce() == 1)
            let read = try await service.send(.get, "/children/\(id)", as: .countyOfficer)
            #expect((read.object["exit"] as? [String: Any])?["reason"] as? String == "aged_out")
        }
    }

    @Test("the summary counts by division, school and dimension, as JSON and CSV, with the survey's deadlines")
    func summaryReport() async throws {
        try await ServiceHarness.run(IntakeService.definition) { service in
            let villages = "code,name,townshipCode\n\(Sample.village),青龙村,\(Sample.township)\n520330101202,红星村,\(Sample.township)\n\(Sample.otherVillage),同民村,520330102\n"
            let load = try await service.send(.put, "/divisions/villages", as: .admin, body: Data(villages.utf8), contentType: "text/csv")
            #expect(load.status == .ok, "\(load.text)")
            let today = service.context.clock.today()
            _ = try await service.register(Sample.child(today: today))
            var girl = Sample.child(name: "王小红", today: today, id: false)
            girl["gender"] = "female"
            girl["familyFlags"] = ["orphan", "minimum_allowance"]
            _ = try await service.register(girl)
            _ = try await service.register(Sample.child(name: "丙", today: today, sequence: 601, village: Sample.otherVillage, school: "xs-tongmin"))

            let county = try await service.send(.get, "/reports/summary?level=county", as: .countyOfficer)
            let totals = try #require(county.object["totals"] as? [String: Any])
            #expect(totals["active"] as? Int == 3)
            #expect((totals["byGender"] as? [String: Int])?["female"] == 1)
            #expect((totals["byFamilyFlag"] as? [String: Int])?["minimum_allowance"] == 3)
            #expect((totals["byFamilyFlag"] as? [String: Int])?["orphan"] == 1)
            let schools = try #require(county.object["schools"] as? [[String: Any]])
            #expect(schools.count == 2)
            let survey = try #require(county.object["survey"] as? [String: Any])
            let milestones = try #require(survey["milestones"] as? [[String: Any]])
            #expect(milestones.map { $0["name"] as? String } == ["villages_surveyed", "township_summaries", "county_summary", "database_complete"])
            #expect(milestones[0]["done"] as? Int == 2)
            #expect(milestones[0]["total"] as? Int == 3)
            #expect(milestones[3]["done"] as? Int == 2)

            let townships = try await service.send(.get, "/reports/summary?level=township", as: .countyOfficer)
            let groups = try #require(townships.object["groups"] as? [[String: Any]])
            #expect(groups.count == 26)
            #expect(groups.first { $0["code"] as? String == Sample.township }?["active"] as? Int == 2)
            #expect(groups.first { $0["code"] as? String == Sample.township }?["name"] as? String == "土城镇")

            let mine = try await service.send(.get, "/reports/summary?level=village", as: .township, scope: Sample.township)
            let own = try #require(mine.object["groups"] as? [[String: Any]])
            #expect(own.map { $0["code"] as? String } == [Sample.village, "520330101202"])
            #expect((mine.object["totals"] as? [String: Any])?["active"] as? Int == 2)

            let csv = try await service.send(.get, "/reports/summary?level=village&format=csv", as: .countyOfficer)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = csv.text.split(separator: "\r\n")
            #expect(lines.first?.hasPrefix("\u{FEFF}level,code,name,active") == true)
            #expect(lines.contains { $0.hasPrefix("village,\(Sample.village),青龙村,2,0,1,1") })
            let school = try await service.send(.get, "/reports/summary", as: .school, scope: Sample.school)
            #expect(school.status == .forbidden)
        }
    }

    @Test("a village list with a village outside the county or under no known township is refused whole")
    func villageListRules() async throws {
        try await ServiceHarness.run(IntakeService.definition) { service in
            let outside = "code,name\n\(Sample.village),青龙村\n520121100201,别县村\n520330999001,无乡村\n"
            let refused = try await service.send(.put, "/divisions/villages", as: .countyOfficer, body: Data(outside.utf8), contentType: "text/csv")
            #expect(refused.status == .unprocessableContent)
            #expect(refused.error["code"] as? String == "invalid_division_file")
            let message = refused.error["message"] as? String ?? ""
            #expect(message.contains("line 3"))
            #expect(message.contains("line 4"))
            let notAllowed = try await service.send(.put, "/divisions/villages", as: .village, scope: Sample.village,
                                                    body: Data("code,name\n\(Sample.village),青龙村\n".utf8), contentType: "text/csv")
            #expect(notAllowed.status == .forbidden)
            let ok = try await service.send(.put, "/divisions/villages", as: .countyOfficer,
                                            body: Data("code,name\n\(Sample.village),青龙村\n".utf8), contentType: "text/csv")
            #expect(ok.status == .ok)
            let today = service.context.clock.today()
            let unlisted = try await service.send(.post, "/children", as: .countyOfficer,
                                                  object: Sample.child(today: today, village: "520330101202"))
            #expect(unlisted.error["code"] as? String == "unknown_village")
            _ = try await service.register(Sample.child(today: today))
            let dropping = try await service.send(.put, "/divisions/villages", as: .countyOfficer,
                                                  body: Data("code,name\n520330101202,红星村\n".utf8), contentType: "text/csv")
            #expect(dropping.error["code"] as? String == "villages_in_use")
            let divisions = try await service.send(.get, "/divisions", as: .mentor)
            #expect((divisions.object["townships"] as? [Any])?.count == 26)
        }
    }

    @Test("the village list can come from a file setting at start")
    func villageFileSetting() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("villages-\(UUID().uuidString).csv")
        try Data("\u{FEFF}code,name\n\(Sample.village),青龙村\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        try await ServiceHarness.run(IntakeService.definition, environment: ["SHOUHU_INTAKE_VILLAGES_FILE": file.path]) { service in
            let today = service.context.clock.today()
            let id = try await service.register(Sample.child(today: today))
            let read = try await service.send(.get, "/children/\(id)", as: .countyOfficer)
            #expect(read.object["villageName"] as? String == "青龙村")
            #expect(read.object["townshipName"] as? String == "土城镇")
            let unlisted = try await service.send(.post, "/children", as: .countyOfficer,
                                                  object: Sample.child(name: "乙", today: today, sequence: 701, village: "520330101202"))
            #expect(unlisted.error["code"] as? String == "unknown_village")
        }
    }
}
