import Foundation
import IntakeDomain
import ShouhuEvents
import ShouhuService
import ShouhuTestSupport
import Testing

/// One child's whole story through the five services, each its own process on the real broker:
/// registered by a village, assessed as key tier, paired with a teacher and a cadre who are
/// alerted on every channel, a home visit gone overdue when the calendar moves, a subsidy batch
/// drafted by one officer and approved by another, a pain.001 file that validates against the
/// ISO 20022 schema, and the bank's results settling it, with the funding officer told.
@Suite("A county end to end: five processes, the real broker, the SMS and SMTP peers", .serialized)
struct CountyStoryTests {
    static let township = Xishui.townships[0].code          // 东皇街道
    static let village = Xishui.townships[0].code + "901"
    static let school = "e2e-primary-1"

    /// A resident ID number that passes intake's checks (GB 11643 check character).
    static func idNumber(born: String, serial: Int) -> String {
        let body = "520330" + born.replacingOccurrences(of: "-", with: "") + String(format: "%03d", serial)
        return body + String(ResidentIDNumber.checkCharacter(for: body.compactMap(\.wholeNumberValue)))
    }

    /// A primary pupil whose father works away and whose mother at home is ill: left behind by
    /// the county's one-parent rule, and entitled to the subsidy (parent disabled or ill).
    static func childFile(name: String, born: String, serial: Int) -> [String: Any] {
        [
            "name": name, "gender": "female", "birthDate": born, "idNumber": idNumber(born: born, serial: serial),
            "schoolStage": "primary", "schoolId": school, "grade": 3, "className": "2班", "villageCode": village,
            "address": "示范村3组",
            "parents": [
                ["role": "father", "status": "working_away", "place": "广东东莞", "since": "2024-02-20", "phone": "13700000001"],
                ["role": "mother", "status": "disabled_or_ill", "phone": "13700000002"],
            ],
            "guardian": ["relation": "grandparent", "name": "王奶奶", "phone": "13700000003", "age": 71, "health": "体弱多病"],
            "familyFlags": ["parent_disabled_or_ill"], "healthStatus": "健康", "studyStatus": "一般",
        ]
    }

    @Test("register → key tier → two mentors alerted by inbox, SMS and e-mail → overdue visit → batch, pain.001, results → funding officer told")
    func aChildsWholeStory() async throws {
        let county = try CountyUnderTest()
        do {
            try await story(county)
        } catch {
            await county.stop()
            Issue.record("\(error)\n\(county.logs)")
            return
        }
        await county.stop()
    }

    private func story(_ county: CountyUnderTest) async throws {
        try await county.start()
        let gateway = county.gateway, smtp = county.smtp

        // The county's places, its mentors, and the officers' standing subscriptions.
        try await county.expect(200, .intake, "PUT", "/divisions/villages", as: .countyOfficer,
                                body: Data("code,name,townshipCode\n\(Self.village),端到端村(示范),\(Self.township)\n".utf8),
                                contentType: "text/csv")
        let teacher = try #require(try await county.expect(201, .mentoring, "POST", "/mentors", as: .countyOfficer, json: [
            "name": "李老师", "role": "teacher", "schoolId": Self.school, "phone": "13800000001", "email": "li@school.example.cn",
        ])["id"] as? String)
        let cadre = try #require(try await county.expect(201, .mentoring, "POST", "/mentors", as: .countyOfficer, json: [
            "name": "张书记", "role": "cadre", "divisionCode": Self.township, "phone": "13800000002", "email": "zhang@town.example.cn",
        ])["id"] as? String)
        try await county.expect(201, .notification, "POST", "/subscriptions", as: .countyOfficer, json: [
            "subscriber": "funding-officer-1", "role": "funding_officer", "kinds": ["disbursement.approved", "disbursement.settled"],
            "channels": ["in_app", "email"], "email": "fund@county.example.cn", "name": "县民政局资金股",
        ])

        // A village registers the child; the ID number never leaves intake.
        let registered = try await county.expect(201, .intake, "POST", "/children", as: .village, scope: Self.village,
                                                 json: Self.childFile(name: "王小花", born: "2017-05-14", serial: 12))
        let childId = try #require(registered["id"] as? String)
        #expect((registered["idNumber"] as? String).map { $0.contains("*") } ?? true, "the village sees the ID masked")
        let sibling = try #require(try await county.expect(201, .intake, "POST", "/children", as: .countyOfficer,
                                                           json: Self.childFile(name: "王小草", born: "2018-09-03", serial: 22))["id"] as? String)

        // Assessed as key tier: harm level 2 is urgent and key.
        let knownToAssessment = try await county.eventually {
            try await county.call(.assessment, "GET", "/children/\(childId)/risk", as: .countyOfficer).status == 200
        }
        #expect(knownToAssessment, "assessment learned of the child from intake's event")
        let assessment = try await county.expect(201, .assessment, "POST", "/children/\(childId)/assessments", as: .countyOfficer, json: [
            "harmLevel": 2, "guardianRating": "poor", "assessorTitle": "class_teacher",
            "scores": ["psychology": 4, "physicalHealth": 2, "studies": 3, "guardianship": 4, "safetyAndLiving": 3],
        ])
        #expect(assessment["tier"] as? String == "key", "\(assessment)")
        #expect(assessment["careLevel"] as? Int == 4, "\(assessment)")

        // Two mentors paired: the school's teacher and the township's cadre.
        let paired = try await county.eventually {
            let answer = try await county.call(.mentoring, "GET", "/children/\(childId)/pairings", as: .countyOfficer)
            let text = String(decoding: answer.body, as: UTF8.self)
            return answer.status == 200 && text.contains(teacher) && text.contains(cadre)
        }
        #expect(paired, "a teacher and a cadre are paired with the key-tier child")

        // Both mentors get the urgent alert in their inbox, by SMS and by e-mail.
        for (mentor, phone, mail) in [(teacher, "13800000001", "li@school.example.cn"), (cadre, "13800000002", "zhang@town.example.cn")] {
            let alerted = try await county.eventually {
                let inbox = try await county.call(.notification, "GET", "/notifications", as: .mentor, subject: mentor)
                let text = String(decoding: inbox.body, as: UTF8.self)
                return text.contains("risk.escalated") && text.contains("王小花")
                    && gateway.messages.contains { $0.to == phone && $0.text.contains("紧急") && $0.text.contains("王小花") }
                    && smtp.received().contains { $0.to == [mail] && $0.subject.contains("王小花") }
            }
            #expect(alerted, "mentor \(mentor) alerted in the inbox, by SMS to \(phone) and by e-mail to \(mail)")
        }
        #expect(!gateway.messages.contains { $0.text.contains(Self.idNumber(born: "2017-05-14", serial: 12)) })

        // Fifteen days on, the first home visit (due in 14) is overdue, and the mentors hear of it
        // in the next morning's digest.
        try await county.moveClocks(days: 15)
        let overdue = try await county.eventually {
            let answer = try await county.call(.mentoring, "GET", "/visits/overdue", as: .countyOfficer)
            return String(decoding: answer.body, as: UTF8.self).contains(childId)
        }
        #expect(overdue, "mentoring lists the overdue home visit")
        var digested = false
        for _ in 0..<4 where !digested {
            digested = try await county.eventually(timeout: 8) {
                let inbox = try await county.call(.notification, "GET", "/notifications", as: .mentor, subject: teacher)
                return String(decoding: inbox.body, as: UTF8.self).contains("visit.overdue")
            }
            if !digested { try await county.moveClocks(days: 1, of: [.notification]) }
        }
        #expect(digested, "VisitOverdue reached the teacher's digest")
        #expect(try await county.eventually { gateway.messages.contains { $0.to == "13800000001" && $0.text.contains("逾期") } })

        // The subsidy: payee accounts, a batch drafted by one officer and approved by another.
        for (index, child) in [childId, sibling].enumerated() {
            let known = try await county.eventually {
                try await county.call(.funding, "PUT", "/children/\(child)/payee-account", as: .fundingOfficer, subject: "officer-a",
                                      json: ["bankName": "习水县农村信用合作联社", "accountNumber": "62220212345678\(String(format: "%02d", index + 1))"])
                    .status == 200
            }
            #expect(known, "funding knows child \(child)")
        }
        let today = try await county.expect(200, .funding, "GET", "/admin/clock", as: .admin)
        let date = try #require(today["today"] as? String)
        let month = Int(date.dropFirst(5).prefix(2)) ?? 1
        let period = "\(date.prefix(4))-\(month < 8 ? "S1" : "S2")"
        let batch = try await county.expect(201, .funding, "POST", "/batches", as: .fundingOfficer, subject: "officer-a",
                                            json: ["period": period])
        let batchId = try #require(batch["id"] as? String)
        #expect(batch["count"] as? Int == 2)
        let own = try await county.call(.funding, "POST", "/batches/\(batchId)/approve", as: .fundingOfficer, subject: "officer-a")
        #expect(own.status == 403, "the officer who drafted the batch may not approve it")
        try await county.expect(200, .funding, "POST", "/batches/\(batchId)/approve", as: .countyOfficer, subject: "officer-b")

        // The pain.001 file validates against the ISO 20022 schema.
        let xml = try await county.call(.funding, "GET", "/batches/\(batchId)/payment-file?format=pain001", as: .fundingOfficer,
                                        subject: "officer-a")
        #expect(xml.status == 200)
        let validation = try Self.xmllint(xml.body)
        #expect(validation.status == 0, "pain.001 does not validate: \(validation.output)")

        // The bank's answer: the key-tier child paid, the sibling's payment failed.
        let sheet = try await county.call(.funding, "GET", "/batches/\(batchId)/payment-file?format=csv", as: .fundingOfficer,
                                          subject: "officer-a")
        var lines = String(decoding: sheet.body.dropFirst(3), as: UTF8.self).split(separator: "\r\n").map(String.init)
        #expect(lines.count == 3)
        lines[0] += ",状态,原因"
        for index in 1..<lines.count {
            lines[index] += lines[index].contains("6222021234567802") ? ",失败,户名不符" : ",成功,"
        }
        let settled = try await county.expect(200, .funding, "POST", "/batches/\(batchId)/results", as: .fundingOfficer,
                                              subject: "officer-a", body: Data((lines.joined(separator: "\r\n") + "\r\n").utf8),
                                              contentType: "text/csv")
        #expect(settled["paid"] as? Int == 1 && settled["failed"] as? Int == 1, "\(settled)")

        // The funding officer is told: the approval and the failed payment, in the inbox and by e-mail.
        let told = try await county.eventually {
            let inbox = try await county.call(.notification, "GET", "/notifications", as: .fundingOfficer, subject: "funding-officer-1")
            let text = String(decoding: inbox.body, as: UTF8.self)
            return text.contains("disbursement.approved") && text.contains("disbursement.settled") && text.contains("王小草")
                && smtp.received().filter { $0.to == ["fund@county.example.cn"] }.count >= 2
        }
        #expect(told, "the funding officer heard of the approval and of the failed payment")
        let paidReport = try await county.expect(200, .funding, "GET", "/reports/paid?by=township", as: .countyOfficer)
        #expect(paidReport["totalFen"] as? Int == 50_000, "\(paidReport)")

        // The operator's view: the child's story across the services, and every service healthy.
        let story = try county.admin(["story", childId])
        #expect(story.status == 0, "\(story.output)")
        #expect(story.output.components(separatedBy: "(HTTP 200)").count - 1 == 6, "\(story.output)")
        #expect(story.output.contains("王小花") && story.output.contains(teacher) && story.output.contains("paid"))
        #expect(!story.output.contains(Self.idNumber(born: "2017-05-14", serial: 12)), "the story never shows the ID number whole")
        let status = try county.admin(["status"])
        #expect(status.status == 0, "\(status.output)")
        let rows = status.output.split(separator: "\n").map { $0.split(separator: " ") }
            .filter { $0.count >= 4 && ServiceName(rawValue: String($0[0])) != nil }
        #expect(rows.count == 5 && rows.allSatisfy { $0[1] == "ready" }, "\(status.output)")
        #expect(rows.allSatisfy { $0[3] == "0" || ($0[0] == "intake" && $0[3] == "-") }, "nothing was dead-lettered along the way: \(status.output)")
    }

    /// Validates a pain.001 document against the ISO 20022 schema the funding tests keep.
    static func xmllint(_ document: Data) throws -> (status: Int32, output: String) {
        var root = URL(filePath: #filePath)
        while root.path != "/" && !FileManager.default.fileExists(atPath: root.appending(path: "Package.swift").path) {
            root.deleteLastPathComponent()
        }
        return try XMLSchemaCheck.run(document, schema: root.appending(path: "Tests/FundingTests/Fixtures/pain.001.001.03.xsd").path)
    }
}
