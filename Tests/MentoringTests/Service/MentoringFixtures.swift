import Foundation
import GRDB
import HummingbirdTesting
import Mentoring
import ShouhuEvents
import ShouhuService
import ShouhuServiceTestSupport
import ShouhuTestSupport
import Testing

/// What the mentoring service tests share: events as intake and assessment would send them, and
/// small helpers over the harness.
enum Fixture {
    static let village = "520330100001"
    static let township = "520330100"
    static let school = "school-1"
    /// Sweeps run only when a test asks (the background loop waits an hour).
    static let environment = ["SHOUHU_MENTORING_SWEEP_SECONDS": "3600"]

    static func childRegistered(_ id: String, school: String? = school, village: String = village, on day: CalendarDate)
        -> ChildRegistered
    {
        ChildRegistered(
            childId: id, name: "王小明", gender: .male, birthDate: CalendarDate("2016-05-01")!, schoolStage: .primary,
            schoolId: school, villageCode: village, guardian: .init(relation: .grandparent, name: "王奶奶", phone: "13800000000"),
            parents: [.init(role: .father, status: .workingAway, place: "广东东莞", since: CalendarDate("2024-02-01")!)],
            familyFlags: [], registeredOn: day)
    }

    static func keyAssessment(_ childId: String, on day: CalendarDate) throws -> AssessmentRecorded {
        AssessmentRecorded(
            childId: childId, assessmentId: UUID().uuidString.lowercased(), guardianCategory: 3, harmLevel: 2,
            guardianRating: .poor,
            dimensionScores: .init(psychology: 4, physicalHealth: 3, studies: 3, guardianship: 4, safetyAndLiving: 3),
            careLevel: 4, tier: .key, assessedOn: day)
    }

    static func newID() -> String { UUID().uuidString.lowercased() }

    /// Registers a mentor through the API as a county officer; returns the id.
    static func registerMentor(_ service: ServiceHarness, role: MentorRole, school: String? = nil,
                               division: String? = nil, capacity: Int? = nil) async throws -> String {
        var body: [String: any Sendable] = ["name": "李老师", "role": role.rawValue, "phone": "13900000001"]
        if let school { body["schoolId"] = school }
        if let division { body["divisionCode"] = division }
        if let capacity { body["capacity"] = capacity }
        let response = try await service.send(.post, "/mentors", as: .countyOfficer, body: try JSONSerialization.data(withJSONObject: body))
        try #require(response.status == .created, "register mentor: \(String(buffer: response.body))")
        return try #require(json(response)["id"] as? String)
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
    }

    /// Waits until a condition on the service's database holds.
    static func until(_ service: ServiceHarness, _ check: @escaping @Sendable (Database) throws -> Bool) async throws -> Bool {
        try await TestBroker.eventually(timeout: 20) {
            try await service.context.database.pool.read(check)
        }
    }

    /// Current mentors of a child.
    static func mentors(of childId: String, _ service: ServiceHarness) async throws -> Set<String> {
        Set(try await service.context.database.pool.read { db in
            try String.fetchAll(db, sql: "SELECT mentorId FROM pairing WHERE childId = ? AND endedOn IS NULL", arguments: [childId])
        })
    }
}
