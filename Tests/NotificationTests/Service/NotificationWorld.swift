import Foundation
import GRDB
import ShouhuEvents
import ShouhuServiceTestSupport
import ShouhuTestSupport

/// Events and reads the notification service tests share: a county of children, mentors and
/// pairings built by publishing the events intake and mentoring would send.
enum NotificationWorld {
    static let county = "520330"
    static let village = "520330100001"
    static let township = "520330100"

    static func id() -> String { UUID().uuidString.lowercased() }

    static func envelope<E: Event>(_ payload: E) -> Envelope<E> { Envelope(county: county, payload: payload) }

    static func child(_ childId: String, name: String) -> Envelope<ChildRegistered> {
        envelope(ChildRegistered(
            childId: childId, name: name, gender: .female, birthDate: CalendarDate("2015-03-02")!, schoolStage: .primary,
            schoolId: "S-01", villageCode: village,
            guardian: .init(relation: .grandparent, name: "王奶奶", phone: "13800000009"),
            parents: [.init(role: .father, status: .workingAway, place: "广东东莞", phone: "13800000010")],
            familyFlags: [], registeredOn: CalendarDate("2026-03-01")!))
    }

    static func mentor(_ mentorId: String, phone: String, email: String? = nil) -> Envelope<MentorRegistered> {
        envelope(MentorRegistered(mentorId: mentorId, name: "李老师", role: .teacher, schoolId: "S-01", divisionCode: nil,
                                  phone: phone, email: email))
    }

    static func pairing(_ childId: String, _ mentorId: String) -> Envelope<MentorAssigned> {
        envelope(MentorAssigned(childId: childId, mentorId: mentorId, role: .teacher, pairing: .oneOnOne))
    }

    static func escalation(_ childId: String, care: Int, harm: Int?) -> Envelope<RiskEscalated> {
        envelope(RiskEscalated(childId: childId, assessmentId: id(), fromCareLevel: 1, toCareLevel: care, fromHarmLevel: nil,
                               toHarmLevel: harm, reasons: ["监护缺失"]))
    }

    /// Waits until `sql` (a count) reaches `count`.
    static func waitForCount(_ service: ServiceHarness, _ sql: String, _ arguments: StatementArguments = [], atLeast count: Int,
                             timeout: TimeInterval = 30) async throws -> Int {
        var last = 0
        _ = try await TestBroker.eventually(timeout: timeout) {
            last = try await service.context.database.pool.read { db in try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0 }
            return last >= count
        }
        return last
    }
}
