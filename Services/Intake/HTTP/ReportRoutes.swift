import Foundation
import GRDB
import Hummingbird
import IntakeDomain
import ShouhuEvents
import ShouhuService

/// `GET /reports/summary?level=county|township|village[&format=csv]`: the roll-up of seed 000 篇二
/// — active children counted by division and by school, each by gender, school stage, guardian
/// relation and family circumstance, with exits, and the survey's progress against its
/// deadlines. As CSV (UTF-8 with a byte-order mark, so Excel shows the Chinese names) for the
/// bureau's upward report. A township or village officer gets their own part.
struct ReportRoutes: Sendable {
    let ledger: Ledger
    let context: ServiceContext

    /// The counts of one division or school.
    struct Group: Codable, Sendable {
        var code: String
        var name: String?
        var active = 0
        var exited = 0
        var byGender: [String: Int] = [:]
        var bySchoolStage: [String: Int] = [:]
        var byGuardianRelation: [String: Int] = [:]
        var byFamilyFlag: [String: Int] = [:]

        init(code: String, name: String?) {
            self.code = code
            self.name = name
            byGender = Dictionary(uniqueKeysWithValues: Gender.allCases.map { ($0.rawValue, 0) })
            bySchoolStage = Dictionary(uniqueKeysWithValues: SchoolStage.allCases.map { ($0.rawValue, 0) })
            byGuardianRelation = Dictionary(uniqueKeysWithValues: GuardianRelation.allCases.map { ($0.rawValue, 0) })
            byFamilyFlag = Dictionary(uniqueKeysWithValues: FamilyFlag.allCases.map { ($0.rawValue, 0) })
        }
    }

    /// The whole summary.
    struct Summary: ResponseEncodable, Sendable {
        var level: String
        var county: County
        var scope: String?
        var asOf: CalendarDate
        var totals: Group
        var groups: [Group]
        var schools: [Group]
        var survey: SurveyProgress
    }

    func add(to router: Router<ShouhuRequestContext>) {
        router.get("/reports/summary") { request, http in
            let caller = try http.requireCaller(IntakeAccess.readReports)
            let query = request.uri.queryParameters
            let level = query["level"].map(String.init) ?? "county"
            guard ["county", "township", "village"].contains(level) else {
                throw APIError.badRequest("`level` must be county, township or village.", code: "invalid_query", field: "level")
            }
            let format = query["format"].map(String.init)
                ?? (request.headers[.accept]?.contains("text/csv") == true ? "csv" : "json")
            guard ["json", "csv"].contains(format) else {
                throw APIError.badRequest("`format` must be json or csv.", code: "invalid_query", field: "format")
            }
            let prefix: String
            switch caller.listScope {
            case .county: prefix = ""
            case .division(let division): prefix = division
            default: throw APIError.forbidden("Your token has no division scope for a summary.", code: "out_of_scope")
            }
            let summary = try await summarise(level: level, prefix: prefix)
            if format == "csv" { return try Self.csv(summary) }
            return try summary.response(from: request, context: http)
        }
    }

    // MARK: - Counting

    func summarise(level: String, prefix: String) async throws -> Summary {
        let registry = ledger.registry.current
        let today = context.clock.today()
        let county = registry.county
        let surveyYear = ledger.configuration.surveyYear ?? today.year
        return try await context.database.pool.read { db in
            let scope = "substr(villageCode, 1, \(prefix.count)) = ?"
            let groupColumn: String
            var groups: [String: Group] = [:]
            switch level {
            case "township":
                groupColumn = "townshipCode"
                for township in registry.townships where township.code.hasPrefix(prefix) || prefix.hasPrefix(township.code) {
                    groups[township.code] = Group(code: township.code, name: township.name)
                }
            case "village":
                groupColumn = "villageCode"
                for village in registry.villages ?? [] where village.code.hasPrefix(prefix) {
                    groups[village.code] = Group(code: village.code, name: village.name)
                }
            default:
                groupColumn = "'\(county.code)'"
                groups[county.code] = Group(code: county.code, name: county.name)
            }
            try Self.count(db, group: groupColumn, scope: scope, prefix: prefix, into: &groups) { code in
                Group(code: code, name: level == "township" ? registry.township(code: code)?.name
                                      : try? registry.validateVillage(code).get().name)
            }
            var schools: [String: Group] = [:]
            try Self.count(db, group: "schoolId", scope: scope + " AND schoolId IS NOT NULL", prefix: prefix,
                           into: &schools) { Group(code: $0, name: nil) }
            let names = try Row.fetchAll(db, sql: "SELECT id, name FROM schools WHERE name IS NOT NULL")
            for row in names { schools[row["id"]]?.name = row["name"] }
            var totals: [String: Group] = [:]
            try Self.count(db, group: "'total'", scope: scope, prefix: prefix, into: &totals) { Group(code: $0, name: nil) }
            var total = totals["total"] ?? Group(code: "total", name: nil)
            total.code = prefix.isEmpty ? county.code : prefix
            total.name = prefix.isEmpty ? county.name : registry.township(code: String(prefix.prefix(9)))?.name

            let survey = try Self.survey(db, registry: registry, prefix: prefix, scope: scope, year: surveyYear, today: today)
            return Summary(level: level, county: county, scope: prefix.isEmpty ? nil : prefix, asOf: today, totals: total,
                           groups: groups.values.sorted { $0.code < $1.code },
                           schools: schools.values.sorted { $0.code < $1.code }, survey: survey)
        }
    }

    /// Adds the counts of each group (by the SQL expression `group`) to `groups`.
    static func count(_ db: Database, group: String, scope: String, prefix: String, into groups: inout [String: Group],
                      make: (String) -> Group) throws {
        func each(_ sql: String, _ apply: (inout Group, Row) -> Void) throws {
            for row in try Row.fetchAll(db, sql: sql, arguments: [prefix]) {
                let code: String = row["g"]
                if groups[code] == nil { groups[code] = make(code) }
                apply(&groups[code]!, row)
            }
        }
        let active = "FROM children WHERE status = 'active' AND \(scope)"
        try each("SELECT \(group) AS g, COUNT(*) AS n \(active) GROUP BY g") { $0.active = $1["n"] }
        try each("SELECT \(group) AS g, COUNT(*) AS n FROM children WHERE status = 'exited' AND \(scope) GROUP BY g") {
            $0.exited = $1["n"]
        }
        try each("SELECT \(group) AS g, gender AS k, COUNT(*) AS n \(active) GROUP BY g, k") { $0.byGender[$1["k"]] = $1["n"] }
        try each("SELECT \(group) AS g, schoolStage AS k, COUNT(*) AS n \(active) GROUP BY g, k") {
            $0.bySchoolStage[$1["k"]] = $1["n"]
        }
        try each("SELECT \(group) AS g, guardianRelation AS k, COUNT(*) AS n \(active) GROUP BY g, k") {
            $0.byGuardianRelation[$1["k"]] = $1["n"]
        }
        let flags = FamilyFlag.allCases.map { "SUM(instr(familyFlags, ',\($0.rawValue),') > 0) AS \"\($0.rawValue)\"" }
        try each("SELECT \(group) AS g, \(flags.joined(separator: ", ")) \(active) GROUP BY g") { group, row in
            for flag in FamilyFlag.allCases { group.byFamilyFlag[flag.rawValue] = row[flag.rawValue] ?? 0 }
        }
    }

    static func survey(_ db: Database, registry: DivisionRegistry, prefix: String, scope: String, year: Int,
                       today: CalendarDate) throws -> SurveyProgress {
        let withChildren = Set(try String.fetchAll(db, sql: "SELECT DISTINCT villageCode FROM children WHERE \(scope)",
                                                   arguments: [prefix]))
        let villages = (registry.villages ?? []).filter { $0.code.hasPrefix(prefix) }
        let townships = registry.townships.filter { $0.code.hasPrefix(prefix) || prefix.hasPrefix($0.code) }
        let townshipsDone = townships.filter { township in
            let own = villages.filter { $0.townshipCode == township.code }
            if own.isEmpty { return withChildren.contains { $0.hasPrefix(township.code) } }
            return own.allSatisfy { withChildren.contains($0.code) }
        }.count
        let active = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM children WHERE status = 'active' AND \(scope)",
                                      arguments: [prefix]) ?? 0
        let stagesWithSchool = SchoolStage.allCases.filter(ChildRegistered.requiresSchool).map { "'\($0.rawValue)'" }
        let complete = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM children WHERE status = 'active' AND \(scope) AND idLookup IS NOT NULL
            AND (schoolId IS NOT NULL OR schoolStage NOT IN (\(stagesWithSchool.joined(separator: ", "))))
            """, arguments: [prefix]) ?? 0
        return SurveyProgress(year: year, today: today,
                              villagesSurveyed: villages.filter { withChildren.contains($0.code) }.count,
                              villagesTotal: villages.count, townshipsDone: townshipsDone, townshipsTotal: townships.count,
                              completeFiles: complete, activeChildren: active)
    }

    // MARK: - CSV

    /// One line per division, then one per school, with a column per count.
    static func csv(_ summary: Summary) throws -> Response {
        let stages = SchoolStage.allCases.map(\.rawValue)
        let relations = GuardianRelation.allCases.map(\.rawValue)
        let flags = FamilyFlag.allCases.map(\.rawValue)
        var lines = [(["level", "code", "name", "active", "exited", "male", "female"]
            + stages.map { "stage_\($0)" } + relations.map { "guardian_\($0)" } + flags.map { "flag_\($0)" })
            .joined(separator: ",")]
        func line(_ level: String, _ group: Group) -> String {
            var cells = [level, group.code, quoted(group.name ?? ""), String(group.active), String(group.exited),
                         String(group.byGender["male"] ?? 0), String(group.byGender["female"] ?? 0)]
            cells += stages.map { String(group.bySchoolStage[$0] ?? 0) }
            cells += relations.map { String(group.byGuardianRelation[$0] ?? 0) }
            cells += flags.map { String(group.byFamilyFlag[$0] ?? 0) }
            return cells.joined(separator: ",")
        }
        lines.append(line("total", summary.totals))
        lines += summary.groups.map { line(summary.level, $0) }
        lines += summary.schools.map { line("school", $0) }
        let text = "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
        let name = "summary-\(summary.level)-\(summary.asOf).csv"
        return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8",
                                               .contentDisposition: "attachment; filename=\"\(name)\""],
                        body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A CSV field, quoted when it holds a comma, quote or line break.
    static func quoted(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
