import AssessmentDomain
import Foundation
import GRDB
import Hummingbird
import ShouhuEvents

/// The county summary of risk (汇总): active children counted by guardian category × harm level
/// × care level and tier, by township, village or school, and how many are due or overdue for
/// reassessment today. Due and overdue are worked out from the dates now, never stored.
struct CountyReport: ResponseEncodable, Sendable {
    /// One cell of the category × harm level × care level table.
    struct Cell: Codable, Sendable, Hashable {
        var guardianCategory: Int
        /// Nil for no harm level.
        var harmLevel: Int?
        var careLevel: Int
        var tier: CareTier
        var children: Int
    }

    /// The counts of one division (or school).
    struct Division: Codable, Sendable {
        var code: String
        var children: Int
        var assessed: Int
        /// Children at 1, 2, 3 and 4 hearts.
        var careLevels: [Int]
        var key: Int
        var general: Int
        var categoryOne: Int
        var dueForReassessment: Int
        var overdueForReassessment: Int
    }

    /// Reassessments due today.
    struct Reassessment: Codable, Sendable {
        var due: Int
        var overdue: Int
        var dueForTerm: Int
        var dueAfterIncident: Int
        var term: String
    }

    var asOf: CalendarDate
    var by: String
    var children: Int
    var assessed: Int
    var notAssessed: Int
    var careLevels: [Int]
    var key: Int
    var general: Int
    var table: [Cell]
    var reassessment: Reassessment
    var divisions: [Division]

    /// Reads and counts the children `filter` admits.
    static func make(
        _ db: Database, filter: ScopeFilter, by: String, today: CalendarDate, settings: AssessmentSettings
    ) throws -> CountyReport {
        let rows = try Row.fetchAll(db, sql: """
            SELECT c.villageCode, c.townshipCode, c.schoolId, c.registeredOn, c.guardianRelation,
                   r.assessedOn, r.guardianCategory, r.harmLevel, r.careLevel, r.tier,
                   (SELECT MAX(i.occurredOn) FROM incident i WHERE i.childId = c.childId) AS lastIncidentOn
            FROM child c LEFT JOIN risk r ON r.childId = c.childId
            \(filter.whereClause)
            """, arguments: filter.arguments)
        let term = settings.schedule.currentTerm(on: today)
        var report = CountyReport(
            asOf: today, by: by, children: 0, assessed: 0, notAssessed: 0, careLevels: [0, 0, 0, 0], key: 0,
            general: 0, table: [],
            reassessment: Reassessment(due: 0, overdue: 0, dueForTerm: 0, dueAfterIncident: 0, term: term.description),
            divisions: [])
        var cells: [Cell: Int] = [:]
        var divisions: [String: Division] = [:]
        for row in rows {
            let code: String =
                switch by {
                case "village": row["villageCode"]
                case "school": (row["schoolId"] as String?) ?? "none"
                default: row["townshipCode"]
                }
            var division =
                divisions[code]
                ?? Division(
                    code: code, children: 0, assessed: 0, careLevels: [0, 0, 0, 0], key: 0, general: 0, categoryOne: 0,
                    dueForReassessment: 0, overdueForReassessment: 0)
            report.children += 1
            division.children += 1
            let assessedOn = try (row["assessedOn"] as String?).map(AssessmentRecord.date)
            let category: Int
            if let level: Int = row["careLevel"], let tierText: String = row["tier"],
                let tier = CareTier(rawValue: tierText)
            {
                category = row["guardianCategory"]
                report.assessed += 1
                division.assessed += 1
                report.careLevels[level - 1] += 1
                division.careLevels[level - 1] += 1
                if tier == .key {
                    report.key += 1
                    division.key += 1
                } else {
                    report.general += 1
                    division.general += 1
                }
                let cell = Cell(
                    guardianCategory: category, harmLevel: row["harmLevel"], careLevel: level, tier: tier, children: 0)
                cells[cell, default: 0] += 1
            } else {
                report.notAssessed += 1
                let relation = GuardianRelation(rawValue: row["guardianRelation"]) ?? .none
                category = GuardianCategory.derive(from: relation).rawValue
            }
            if category == 1 { division.categoryOne += 1 }
            if let need = settings.schedule.need(
                lastAssessedOn: assessedOn, today: today,
                lastIncidentOn: try (row["lastIncidentOn"] as String?).map(AssessmentRecord.date),
                registeredOn: try (row["registeredOn"] as String?).map(AssessmentRecord.date))
            {
                report.reassessment.due += 1
                division.dueForReassessment += 1
                if need.why == .incident {
                    report.reassessment.dueAfterIncident += 1
                } else {
                    report.reassessment.dueForTerm += 1
                }
                if settings.overdue.isOverdue(need, today: today) {
                    report.reassessment.overdue += 1
                    division.overdueForReassessment += 1
                }
            }
            divisions[code] = division
        }
        report.table = cells.map { cell, count in
            var cell = cell
            cell.children = count
            return cell
        }.sorted {
            ($0.guardianCategory, $0.harmLevel ?? 5, -$0.careLevel) < ($1.guardianCategory, $1.harmLevel ?? 5, -$1.careLevel)
        }
        report.divisions = divisions.values.sorted { $0.code < $1.code }
        return report
    }
}
