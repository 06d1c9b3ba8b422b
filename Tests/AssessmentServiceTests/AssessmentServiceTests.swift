import Assessment
import Foundation
import GRDB
import HummingbirdTesting
import ShouhuEvents
import ShouhuService
import ShouhuServiceTestSupport
import ShouhuTestSupport
import Testing

/// The root suite of the assessment service's tests against the real broker: each test runs the
/// service in-process through `ServiceHarness`, feeds it intake's and mentoring's events, calls
/// its routes, and listens for what it emits. Every other suite here extends it.
@Suite("Assessment service, against the real broker", .serialized) struct AssessmentServiceTests {}

// MARK: - Fixtures

/// Places in the default county 520330: two townships, a village in each, two schools.
enum Place {
    static let county = "520330"
    static let townshipA = "520330100"
    static let villageA = "520330100001"
    static let townshipB = "520330200"
    static let villageB = "520330200001"
    static let schoolA = "school-a"
    static let schoolB = "school-b"
}

/// A fresh child id.
func newChildId() -> String { UUID().uuidString.lowercased() }

/// A registration as intake would publish it.
func registration(
    _ childId: String, village: String = Place.villageA, school: String? = Place.schoolA,
    relation: GuardianRelation = .grandparent, name: String = "王小明", occurredAt: Date = Date()
) -> Envelope<ChildRegistered> {
    Envelope(
        occurredAt: occurredAt, county: Place.county,
        payload: ChildRegistered(
            childId: childId, name: name, gender: .male, birthDate: CalendarDate("2015-03-02")!,
            schoolStage: school == nil ? .preschool : .primary, schoolId: school, villageCode: village,
            guardian: .init(relation: relation, name: relation == .none ? nil : "王奶奶"),
            parents: [.init(role: .father, status: .workingAway, place: "广东东莞")], familyFlags: [],
            registeredOn: CalendarDate("2026-03-01")!))
}

/// An assessment body: scores in the order psychology, physical health, studies,
/// guardianship, safety and living.
func submission(
    _ scores: [Int] = [1, 1, 1, 1, 1], harm: Int? = nil, rating: GuardianRating = .good,
    category: Int? = nil, reason: String? = nil, id: String? = nil
) -> AssessmentSubmission {
    AssessmentSubmission(
        assessmentId: id, guardianCategory: category, categoryReason: reason, harmLevel: harm, guardianRating: rating,
        scores: .init(
            psychology: scores[0], physicalHealth: scores[1], studies: scores[2], guardianship: scores[3],
            safetyAndLiving: scores[4]))
}

extension ServiceHarness {
    /// Publishes registrations and waits until the projection holds each child.
    func register(_ envelopes: [Envelope<ChildRegistered>]) async throws {
        try await publish(envelopes)
        let ids = Set(envelopes.map(\.payload.childId))
        let arrived = try await TestBroker.eventually {
            try await count("SELECT COUNT(*) FROM child WHERE registered = 1 AND childId IN (\(ids.map { "'\($0)'" }.joined(separator: ",")))") == ids.count
        }
        try #require(arrived, "the registrations reached the projection")
    }

    /// One number from the service's database.
    func count(_ sql: String, _ arguments: StatementArguments = []) async throws -> Int {
        try await context.database.pool.read { db in try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0 }
    }

    /// Records an assessment as a county officer and returns the stored assessment.
    @discardableResult
    func assess(
        _ childId: String, _ body: AssessmentSubmission, as role: Role = .countyOfficer, scope: String? = nil
    ) async throws -> AssessmentRecord {
        let response = try await send(.post, "/children/\(childId)/assessments", as: role, scope: scope, json: body)
        try #require(response.status == .created, "recorded: \(String(decoding: response.body.readableBytesView, as: UTF8.self))")
        return try decode(AssessmentRecord.self, response)
    }
}

/// Decodes a JSON response body.
func decode<T: Decodable>(_ type: T.Type, _ response: TestResponse) throws -> T {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return try decoder.decode(T.self, from: Data(response.body.readableBytesView))
}

/// The error code of an error response.
func errorBody(_ response: TestResponse) throws -> APIError.Body.Detail {
    try decode(APIError.Body.self, response).error
}
