import Foundation
import GRDB
import Hummingbird
import ShouhuEvents
import ShouhuService

/// `GET /children`: the active children of a township, village or school with their current
/// care level and tier, highest care level first, paged. Filters: `township`, `village`,
/// `school`, `tier` (`general`/`key`), `careLevel` (1–4), `category` (1–3), `assessed`
/// (`true`/`false`). Always limited to the caller's scope.
struct ChildListRoutes {
    let context: ServiceContext

    /// One child in a list: the summary, then the current rating (absent fields: never assessed).
    struct Item: ChildListItem {
        struct Rating: Encodable, Sendable {
            var assessedOn: CalendarDate?
            var guardianCategory: Int?
            var harmLevel: Int?
            var guardianRating: GuardianRating?
            var careLevel: Int?
            var tier: CareTier?
        }
        var child: ChildSummary
        var details: Rating
    }

    func add(to router: Router<ShouhuRequestContext>) {
        let context = self.context
        router.get("/children") { request, requestContext in
            let caller = try requestContext.requireCaller(AssessmentRoutes.readers)
            let page = try PageRequest(request)
            let query = request.queryValues
            var filter = try ScopeFilter(caller: caller, county: context.settings.county)
            try filter.addPlaceFilters(query)
            if let tier = query["tier"] {
                guard let value = CareTier(rawValue: tier) else {
                    throw APIError.badRequest("`tier` must be general or key.", code: "invalid_query", field: "tier")
                }
                filter.add("r.tier = ?", value.rawValue)
            }
            if let level = query["careLevel"] {
                guard let value = Int(level), (1...4).contains(value) else {
                    throw APIError.badRequest("`careLevel` must be 1 to 4.", code: "invalid_query", field: "careLevel")
                }
                filter.add("r.careLevel = ?", value)
            }
            if let category = query["category"] {
                guard let value = Int(category), (1...3).contains(value) else {
                    throw APIError.badRequest("`category` must be 1, 2 or 3.", code: "invalid_query", field: "category")
                }
                filter.add("r.guardianCategory = ?", value)
            }
            if let assessed = query["assessed"] {
                guard assessed == "true" || assessed == "false" else {
                    throw APIError.badRequest("`assessed` must be true or false.", code: "invalid_query", field: "assessed")
                }
                filter.add(assessed == "true" ? "r.childId IS NOT NULL" : "r.childId IS NULL")
            }
            if let after = page.after {
                let parts = after.split(separator: "|", maxSplits: 1)
                guard parts.count == 2, let level = Int(parts[0]) else {
                    throw APIError.badRequest("`cursor` is not one this service gave out.", code: "invalid_cursor", field: "cursor")
                }
                filter.add(
                    "(COALESCE(r.careLevel, 0) < ? OR (COALESCE(r.careLevel, 0) = ? AND c.childId > ?))",
                    level, level, String(parts[1]))
            }
            let sql = """
                SELECT \(ChildSummary.columns), r.assessedOn, r.guardianCategory, r.harmLevel, r.guardianRating, r.careLevel, r.tier
                FROM child c LEFT JOIN risk r ON r.childId = c.childId
                \(filter.whereClause)
                ORDER BY COALESCE(r.careLevel, 0) DESC, c.childId LIMIT ?
                """
            let arguments = filter.arguments + StatementArguments([page.limit + 1])
            let rows = try await context.database.pool.read { db in
                try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.item)
            }
            return Page(rows: rows, request: page, item: { $0 }, key: { "\($0.details.careLevel ?? 0)|\($0.child.childId)" })
        }
    }

    static func item(_ row: Row) throws -> Item {
        Item(
            child: ChildSummary(row: row),
            details: Item.Rating(
                assessedOn: try (row["assessedOn"] as String?).map(AssessmentRecord.date),
                guardianCategory: row["guardianCategory"], harmLevel: row["harmLevel"],
                guardianRating: (row["guardianRating"] as String?).flatMap(GuardianRating.init(rawValue:)),
                careLevel: row["careLevel"], tier: (row["tier"] as String?).flatMap(CareTier.init(rawValue:))))
    }
}
