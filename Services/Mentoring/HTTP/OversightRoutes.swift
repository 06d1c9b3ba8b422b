import Foundation
import GRDB
import Hummingbird
import MentoringDomain
import ShouhuEvents
import ShouhuService

/// What supervision (督查) reads: what is overdue now, and the rates over a period.
struct OversightRoutes {
    let api: MentoringAPI

    func add(to router: Router<ShouhuRequestContext>) {
        let api = self.api
        router.get("/visits/overdue") { request, context in
            let caller = try context.requireCaller([.admin, .countyOfficer, .auditor, .township, .village, .school, .mentor])
            let page = try PageRequest(request)
            let filters = try Field.filters(request)
            let obligation = try request.query("obligation").map { text throws(APIError) in
                guard let obligation = Obligation(rawValue: text) else {
                    throw .badRequest(
                        "`obligation` must be home_visit, parent_report or term_check.", code: "invalid_field", field: "obligation")
                }
                return obligation
            }
            let today = api.clock.today()
            return try await api.read { db in
                try MentoringStore.overdue(
                    scope: MentoringAPI.scope(of: caller), filters: filters, obligation: obligation, today: today, page: page, db)
            }
        }
        router.get("/reports/supervision") { request, context in
            let caller = try context.requireCaller([.admin, .countyOfficer, .auditor, .township, .school, .mentor])
            guard let levelText = request.query("level") else {
                throw APIError.badRequest("`level` is missing: mentor, school or township.", code: "invalid_field", field: "level")
            }
            guard let level = SupervisionLevel(rawValue: levelText) else {
                throw APIError.badRequest("`level` must be mentor, school or township.", code: "invalid_field", field: "level")
            }
            let today = api.clock.today()
            // By default the month so far.
            let from = try Field.date(request, "from") ?? CalendarDate(year: today.year, month: today.month, day: 1)!
            let to = try Field.date(request, "to") ?? today
            guard from <= to else {
                throw APIError.badRequest("`from` is after `to`.", code: "invalid_period", field: "from")
            }
            return try await api.read { db in
                try MentoringStore.supervision(level: level, from: from, to: to, today: today, scope: MentoringAPI.scope(of: caller), db)
            }
        }
    }
}
