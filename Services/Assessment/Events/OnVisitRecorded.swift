import Foundation
import GRDB
import ShouhuEvents
import ShouhuStore

/// `visit.recorded`: a visit that noted concerns is an incident (发现问题), and the child is due
/// for reassessment at once. The notice goes out in the same transaction when the child is known
/// and active; otherwise the sweep sends it once the registration arrives.
struct OnVisitRecorded {
    let notices: ReassessmentNotices
    let now: @Sendable () -> Date

    func handle(_ db: Database, _ envelope: Envelope<VisitRecorded>) throws {
        let visit = envelope.payload
        guard !visit.concerns.isEmpty else { return }
        let concerns = String(decoding: try JSONEncoder().encode(visit.concerns), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO incident (visitId, childId, occurredOn, mentorId, kind, concerns, reportedUpward, receivedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (visitId) DO NOTHING
            """, arguments: [
                visit.visitId, visit.childId, visit.on.description, visit.mentorId, visit.kind.rawValue, concerns,
                visit.escalated, now().timeIntervalSince1970,
            ])
        _ = try notices.incidents(db, now: now(), childId: visit.childId)
    }
}
