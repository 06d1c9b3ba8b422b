import Assessment
import Foundation
import GRDB
import ShouhuEvents
import ShouhuService
import ShouhuServiceTestSupport
import ShouhuTestSupport
import Testing

extension AssessmentServiceTests {
    @Suite("Routes") struct HTTPTests {
        @Test("recording: the care level, tier and reasons follow the county's rules; risk shows them with the history")
        func recordAndRead() async throws {
            try await ServiceHarness.run(AssessmentService.definition) { service in
                let child = newChildId()
                try await service.register([registration(child, relation: .none)])
                let first = try await service.assess(child, submission([2, 1, 1, 1, 1]), as: .school, scope: Place.schoolA)
                #expect(first.derivedCategory == 1 && first.guardianCategory == 1)
                #expect(first.careLevel == 4 && first.tier == .key)
                #expect(first.decidedBy == ["category_one"])
                #expect(first.reasons.first?.contains("无监护人（1类）") == true)
                #expect(first.outcome == "escalated", "a first assessment in the key tier alerts")

                // The assessor checks the derived category and overrides it, with a reason.
                let second = try await service.assess(
                    child, submission([2, 1, 1, 1, 1], category: 2, reason: "姑姑实际照料"), as: .village, scope: Place.villageA)
                #expect(second.guardianCategory == 2 && second.derivedCategory == 1)
                #expect(second.careLevel == 2 && second.outcome == "deescalated")

                let risk = try decode(RiskProbe.self, try await service.send(.get, "/children/\(child)/risk", as: .township, scope: Place.townshipA))
                #expect(risk.current?.assessmentId == second.assessmentId)
                #expect(risk.history.map(\.assessmentId) == [second.assessmentId, first.assessmentId])
                #expect(risk.child.derivedCategory == 1)
                #expect(!risk.reassessment.due)
            }
        }

        @Test("bad input gets the error JSON naming the field, and nothing is written")
        func badInput() async throws {
            try await ServiceHarness.run(AssessmentService.definition) { service in
                let child = newChildId()
                try await service.register([registration(child)])
                let path = "/children/\(child)/assessments"
                let score = try await service.send(.post, path, as: .countyOfficer, json: submission([1, 1, 5, 1, 1]))
                #expect(score.status == .badRequest)
                #expect(try errorBody(score).field == "scores.studies")
                let harm = try await service.send(.post, path, as: .countyOfficer, json: submission(harm: 0))
                #expect(try errorBody(harm).field == "harmLevel")
                let reasonless = try await service.send(.post, path, as: .countyOfficer, json: submission(category: 1))
                #expect(reasonless.status == .unprocessableContent)
                #expect(try errorBody(reasonless).code == "category_reason_required")
                let notJSON = try await service.send(.post, path, as: .countyOfficer, body: Data("{".utf8))
                #expect(notJSON.status == .badRequest)
                let unknown = try await service.send(
                    .post, "/children/\(newChildId())/assessments", as: .countyOfficer, json: submission())
                #expect(unknown.status == .notFound)
                let mentor = try await service.send(.post, path, as: .mentor, json: submission())
                #expect(mentor.status == .forbidden)
                let otherSchool = try await service.send(.post, path, as: .school, scope: Place.schoolB, json: submission())
                #expect(otherSchool.status == .forbidden)
                let otherTownship = try await service.send(.get, "/children/\(child)/risk", as: .township, scope: Place.townshipB)
                #expect(otherTownship.status == .forbidden)
                #expect(try await service.count("SELECT COUNT(*) FROM assessment") == 0)
                #expect(try await service.count("SELECT COUNT(*) FROM shouhu_outbox") == 0)
            }
        }

        @Test("a retried request with the same assessmentId records once; a stale previousAssessmentId is refused")
        func retriesAndConflicts() async throws {
            try await ServiceHarness.run(AssessmentService.definition) { service in
                let child = newChildId()
                try await service.register([registration(child)])
                let id = UUID().uuidString.lowercased()
                let body = submission([3, 1, 1, 1, 1], id: id)
                let first = try await service.send(.post, "/children/\(child)/assessments", as: .countyOfficer, json: body)
                let again = try await service.send(.post, "/children/\(child)/assessments", as: .countyOfficer, json: body)
                #expect(first.status == .created && again.status == .ok)
                #expect(try await service.count("SELECT COUNT(*) FROM assessment") == 1)
                var stale = submission()
                stale.previousAssessmentId = UUID().uuidString.lowercased()
                let refused = try await service.send(.post, "/children/\(child)/assessments", as: .countyOfficer, json: stale)
                #expect(refused.status == .conflict)
                #expect(try errorBody(refused).code == "stale_assessment")
            }
        }

        @Test("a county that switches the poor-guardian rule off gets the scores' level")
        func countySettingChangesTheLevel() async throws {
            try await ServiceHarness.run(
                AssessmentService.definition, environment: ["SHOUHU_ASSESSMENT_POOR_GUARDIAN_IS_KEY": "false"]
            ) { service in
                let child = newChildId()
                try await service.register([registration(child)])
                let record = try await service.assess(child, submission([1, 2, 1, 1, 1], rating: .poor))
                #expect(record.careLevel == 2 && record.tier == .general)
            }
        }

        @Test("lists by tier and care level are scoped and paged; the county report counts them")
        func listsAndReport() async throws {
            try await ServiceHarness.run(AssessmentService.definition) { service in
                var keyInA: [String] = []
                var children: [Envelope<ChildRegistered>] = []
                for index in 0..<5 {
                    let child = newChildId()
                    children.append(registration(child, village: Place.villageA, school: Place.schoolA))
                    if index < 3 { keyInA.append(child) }
                }
                let inB = newChildId()
                children.append(registration(inB, village: Place.villageB, school: Place.schoolB, relation: .none))
                try await service.register(children)
                for child in keyInA { try await service.assess(child, submission([4, 1, 1, 1, 1])) }
                try await service.assess(children[3].payload.childId, submission([1, 2, 1, 1, 1]))

                var seen: [String] = []
                var cursor: String?
                repeat {
                    let query = "/children?township=\(Place.townshipA)&tier=key&limit=2" + (cursor.map { "&cursor=\($0)" } ?? "")
                    let page = try decode(ListPage.self, try await service.send(.get, query, as: .township, scope: Place.townshipA))
                    #expect(page.items.count <= 2)
                    seen += page.items.map(\.childId)
                    cursor = page.nextCursor
                } while cursor != nil
                #expect(seen.sorted() == keyInA.sorted())

                let schoolB = try decode(ListPage.self, try await service.send(.get, "/children", as: .school, scope: Place.schoolB))
                #expect(schoolB.items.map(\.childId) == [inB])
                let levelTwo = try decode(
                    ListPage.self, try await service.send(.get, "/children?careLevel=2", as: .countyOfficer))
                #expect(levelTwo.items.map(\.childId) == [children[3].payload.childId])
                let bad = try await service.send(.get, "/children?tier=urgent", as: .countyOfficer)
                #expect(try errorBody(bad).field == "tier")

                let report = try decode(ReportProbe.self, try await service.send(.get, "/reports/county", as: .countyOfficer))
                #expect(report.children == 6 && report.assessed == 4 && report.notAssessed == 2)
                #expect(report.careLevels == [0, 1, 0, 3] && report.key == 3 && report.general == 1)
                #expect(report.reassessment.due == 2, "the two never assessed")
                #expect(report.divisions.map(\.code) == [Place.townshipA, Place.townshipB])
                #expect(report.divisions.map(\.categoryOne) == [0, 1])
                #expect(report.table.contains { $0.guardianCategory == 3 && $0.careLevel == 4 && $0.children == 3 })
                let township = try decode(
                    ReportProbe.self, try await service.send(.get, "/reports/county", as: .township, scope: Place.townshipB))
                #expect(township.children == 1)
            }
        }

        @Test("category-1 children are listed for their township, which records the designated guardian")
        func guardianDesignation() async throws {
            try await ServiceHarness.run(AssessmentService.definition) { service in
                let alone = newChildId(), withGrandma = newChildId()
                try await service.register([registration(alone, relation: .none), registration(withGrandma)])
                let waiting = try decode(
                    CategoryOnePage.self,
                    try await service.send(.get, "/guardianship/category-one?designated=false", as: .township, scope: Place.townshipA))
                #expect(waiting.items.map(\.childId) == [alone])

                let body: [String: String] = [
                    "guardianName": "李村长", "relationship": "村干部", "agreementSignedOn": service.context.clock.today().description,
                ]
                let recorded = try await service.send(
                    .post, "/children/\(alone)/guardian-designations", as: .township, scope: Place.townshipA, json: body)
                #expect(recorded.status == .created)
                let notOne = try await service.send(
                    .post, "/children/\(withGrandma)/guardian-designations", as: .township, scope: Place.townshipA, json: body)
                #expect(try errorBody(notOne).code == "not_category_one")
                let outside = try await service.send(
                    .post, "/children/\(alone)/guardian-designations", as: .township, scope: Place.townshipB, json: body)
                #expect(outside.status == .forbidden)
                var future = body
                future["agreementSignedOn"] = service.context.clock.today().adding(days: 3).description
                let tooEarly = try await service.send(
                    .post, "/children/\(alone)/guardian-designations", as: .township, scope: Place.townshipA, json: future)
                #expect(try errorBody(tooEarly).field == "agreementSignedOn")

                let done = try decode(
                    CategoryOnePage.self,
                    try await service.send(.get, "/guardianship/category-one?designated=true", as: .township, scope: Place.townshipA))
                #expect(done.items.map(\.childId) == [alone])
                #expect(done.items.first?.designation?.guardianName == "李村长")
            }
        }
    }
}

/// A page of `GET /children`.
struct ListPage: Decodable {
    struct Item: Decodable {
        var childId: String
        var careLevel: Int?
        var tier: String?
    }
    var items: [Item]
    var nextCursor: String?
}

/// A page of `GET /guardianship/category-one`.
struct CategoryOnePage: Decodable {
    struct Designation: Decodable { var guardianName: String }
    struct Item: Decodable {
        var childId: String
        var designation: Designation?
    }
    var items: [Item]
    var nextCursor: String?
}

/// The part of `GET /reports/county` these tests read.
struct ReportProbe: Decodable {
    struct Cell: Decodable {
        var guardianCategory: Int
        var careLevel: Int
        var children: Int
    }
    struct Division: Decodable {
        var code: String
        var categoryOne: Int
    }
    struct Reassessment: Decodable { var due: Int }
    var children: Int
    var assessed: Int
    var notAssessed: Int
    var careLevels: [Int]
    var key: Int
    var general: Int
    var table: [Cell]
    var reassessment: Reassessment
    var divisions: [Division]
}
