import Hummingbird
import ShouhuService

/// `GET /reports/county?by=township|village|school`: the risk summary for the caller's part of
/// the county (the whole county for county roles, a township for a township officer).
struct CountyReportRoutes {
    let context: ServiceContext
    let settings: AssessmentSettings

    func add(to router: Router<ShouhuRequestContext>) {
        let context = self.context, settings = self.settings
        router.get("/reports/county") { request, requestContext in
            let caller = try requestContext.requireCaller([.admin, .countyOfficer, .auditor, .township])
            let query = request.queryValues
            let by = query["by"] ?? "township"
            guard ["township", "village", "school"].contains(by) else {
                throw APIError.badRequest("`by` must be township, village or school.", code: "invalid_query", field: "by")
            }
            var filter = try ScopeFilter(caller: caller, county: context.settings.county)
            try filter.addPlaceFilters(query)
            let today = context.clock.today()
            return try await context.database.pool.read { [filter] db in
                try CountyReport.make(db, filter: filter, by: by, today: today, settings: settings)
            }
        }
    }
}
