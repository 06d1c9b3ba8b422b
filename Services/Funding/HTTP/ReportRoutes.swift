import Foundation
import FundingDomain
import Hummingbird
import ShouhuEvents
import ShouhuService

/// The fund's year, reports of what was paid, and the audit trail.
struct ReportRoutes {
    let context: ServiceContext
    let configuration: FundingConfiguration

    struct PaidReport: Codable, ResponseEncodable {
        var by: String
        var year: Int?
        var period: String?
        var rows: [BatchQueries.PaidRow]
        var totalFen: Int64
    }

    func add(to router: Router<ShouhuRequestContext>) {
        let pool = context.database.pool
        let clock = context.clock
        let policy = configuration.policy

        router.get("/budget") { request, context in
            _ = try FundingRoutes.countyCaller(context, FundingRoutes.readers)
            let year = try Self.year(request) ?? clock.today().year
            return try await pool.read { db in try BudgetLedger.status(db, year: year, policy: policy) }
        }

        router.get("/reports/paid") { request, context in
            let caller = try context.requireCaller([.fundingOfficer, .countyOfficer, .auditor, .township])
            guard let by = try FundingRoutes.choice(request, "by", ["township", "school", "stage", "period"]) else {
                throw APIError.badRequest("`by` is required: township, school, stage or period.", code: "invalid_by", field: "by")
            }
            let year = try Self.year(request)
            let period = try FundingRoutes.period(request.uri.queryParameters["period"].map(String.init))
            let rows = try await pool.read { db in
                try BatchQueries.paid(db, by: by, year: year, period: period?.name, scope: caller.listScope)
            }
            return PaidReport(by: by, year: year, period: period?.name, rows: rows, totalFen: rows.reduce(0) { $0 + $1.paidFen })
        }

        router.get("/audit") { request, context in
            _ = try FundingRoutes.countyCaller(context, FundingRoutes.readers)
            let page = try PageRequest(request)
            let query = request.uri.queryParameters
            let batch = query["batch"].map(String.init)
            let child = query["child"].map(String.init)
            return try await pool.read { db in try BatchQueries.audit(db, batchId: batch, childId: child, page: page) }
        }
    }

    static func year(_ request: Request) throws -> Int? {
        guard let text = request.uri.queryParameters["year"].map(String.init), !text.isEmpty else { return nil }
        guard let year = Int(text), (2000...2099).contains(year) else {
            throw APIError.badRequest("`year` must be a year from 2000 to 2099.", code: "invalid_year", field: "year")
        }
        return year
    }
}

extension BudgetStatus: ResponseEncodable {}
