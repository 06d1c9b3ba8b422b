import AssessmentDomain
import Foundation
import GRDB
import Hummingbird
import ShouhuEvents

/// The answer of `GET /children/{id}/risk`: who the child is to this service, the current
/// ratings with their reasons, whether a reassessment is due, open incidents, the designated
/// guardian, and every assessment so far (newest first).
struct RiskView: ResponseEncodable, Sendable {
    struct Child: Codable, Sendable {
        var childId: String
        var name: String?
        var villageCode: String?
        var townshipCode: String?
        var schoolId: String?
        var status: String
        var exitedOn: CalendarDate?
        var exitReason: ExitReason?
        var guardianRelation: GuardianRelation?
        /// The category the current guardian relation implies (the assessor may differ, with a reason).
        var derivedCategory: Int?
    }

    struct Reassessment: Codable, Sendable {
        var due: Bool
        var why: String?
        var dueOn: CalendarDate?
        /// The last day it is on time.
        var deadline: CalendarDate?
        var overdue: Bool
    }

    struct Incident: Codable, Sendable {
        var visitId: String
        var occurredOn: CalendarDate
        var concerns: [String]
        var reportedUpward: Bool
        var answeredBy: String?
    }

    var child: Child
    var current: AssessmentRecord?
    /// True when the guardian relation changed since the last assessment so that the category
    /// it implies differs: the rating may be out of date.
    var categoryChangedSinceAssessment: Bool
    var reassessment: Reassessment
    var incidents: [Incident]
    var designation: GuardianDesignation?
    var history: [AssessmentRecord]

    /// Reads everything about one child.
    static func load(
        _ db: Database, snapshot: ChildSnapshot, today: CalendarDate, settings: AssessmentSettings
    ) throws -> RiskView {
        let history = try AssessmentRecord.history(db, childId: snapshot.childId)
        let current = history.first
        let derived = snapshot.guardianRelation.map(GuardianCategory.derive(from:))
        let incidents = try Row.fetchAll(
            db, sql: "SELECT * FROM incident WHERE childId = ? ORDER BY occurredOn DESC, visitId",
            arguments: [snapshot.childId]
        ).map { row in
            Incident(
                visitId: row["visitId"], occurredOn: try AssessmentRecord.date(row["occurredOn"]),
                concerns: try JSONDecoder().decode([String].self, from: Data((row["concerns"] as String).utf8)),
                reportedUpward: row["reportedUpward"], answeredBy: row["answeredBy"])
        }
        var reassessment = Reassessment(due: false, overdue: false)
        if !snapshot.hasExited, snapshot.isRegistered,
            let need = settings.schedule.need(
                lastAssessedOn: current?.assessedOn, today: today, lastIncidentOn: incidents.first?.occurredOn,
                registeredOn: snapshot.registeredOn)
        {
            reassessment = Reassessment(
                due: true, why: need.why.rawValue, dueOn: need.dueOn, deadline: settings.overdue.deadline(for: need),
                overdue: settings.overdue.isOverdue(need, today: today))
        }
        return RiskView(
            child: Child(
                childId: snapshot.childId, name: snapshot.name, villageCode: snapshot.villageCode,
                townshipCode: snapshot.townshipCode, schoolId: snapshot.schoolId,
                status: snapshot.hasExited ? "exited" : "active", exitedOn: snapshot.exit?.on,
                exitReason: snapshot.exit?.reason, guardianRelation: snapshot.guardianRelation,
                derivedCategory: derived?.rawValue),
            current: current,
            categoryChangedSinceAssessment: current.map { $0.derivedCategory != derived?.rawValue } ?? false,
            reassessment: reassessment, incidents: incidents,
            designation: try GuardianDesignation.latest(db, childId: snapshot.childId), history: history)
    }
}
