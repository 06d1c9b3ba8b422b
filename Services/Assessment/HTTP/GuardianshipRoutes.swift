import AssessmentDomain
import Foundation
import GRDB
import Hummingbird
import ShouhuEvents
import ShouhuService

/// Category-1 children (一类: no parent, grandparent or relative guards them) for the township to
/// designate a guardian and sign the guardianship agreement (seed 000 篇二: "对一类留守儿童要由社区
/// 指定其监护人并订立监护合约"), and the record of each designation.
///
/// - `GET /guardianship/category-one?township=&village=&designated=true|false`: the active
///   category-1 children (by the latest assessment, or by the guardian relation before any),
///   each with the latest designation, paged by child id.
/// - `POST /children/{id}/guardian-designations`: record the designated guardian and the day the
///   agreement was signed; 201 with the record.
struct GuardianshipRoutes {
    let context: ServiceContext

    /// One child awaiting or having a designated guardian.
    struct Item: ChildListItem {
        struct Guardianship: Encodable, Sendable {
            /// Whether the category comes from an assessment (else from the relation alone).
            var assessed: Bool
            var careLevel: Int?
            var designation: GuardianDesignation?
        }
        var child: ChildSummary
        var details: Guardianship
    }

    /// The body of a designation.
    struct DesignationRequest: Codable, Sendable {
        var guardianName: String
        var guardianPhone: String?
        var relationship: String?
        var agreementSignedOn: CalendarDate
        var note: String?
    }

    /// The condition for category 1: the latest assessment says so, or — before any — the
    /// guardian relation implies it.
    static let categoryOne = """
        (r.guardianCategory = 1 OR (r.guardianCategory IS NULL AND c.guardianRelation IN (\(
            GuardianRelation.allCases.filter { GuardianCategory.derive(from: $0) == .noEntrustedGuardian }
                .map { "'\($0.rawValue)'" }.joined(separator: ", "))))) 
        """

    func add(to router: Router<ShouhuRequestContext>) {
        let context = self.context
        router.get("/guardianship/category-one") { request, requestContext in
            let caller = try requestContext.requireCaller([.admin, .countyOfficer, .auditor, .township, .village])
            let page = try PageRequest(request)
            let query = request.queryValues
            var filter = try ScopeFilter(caller: caller, county: context.settings.county)
            try filter.addPlaceFilters(query)
            filter.add(Self.categoryOne)
            if let designated = query["designated"] {
                guard designated == "true" || designated == "false" else {
                    throw APIError.badRequest("`designated` must be true or false.", code: "invalid_query", field: "designated")
                }
                filter.add(
                    (designated == "true" ? "" : "NOT ")
                        + "EXISTS (SELECT 1 FROM guardian_designation d WHERE d.childId = c.childId)")
            }
            if let after = page.after { filter.add("c.childId > ?", after) }
            let arguments = filter.arguments + StatementArguments([page.limit + 1])
            let items = try await context.database.pool.read { [filter] db in
                try Row.fetchAll(db, sql: """
                    SELECT \(ChildSummary.columns), r.careLevel, r.childId AS assessedChild
                    FROM child c LEFT JOIN risk r ON r.childId = c.childId
                    \(filter.whereClause) ORDER BY c.childId LIMIT ?
                    """, arguments: arguments
                ).map { row in
                    Item(
                        child: ChildSummary(row: row),
                        details: Item.Guardianship(
                            assessed: (row["assessedChild"] as String?) != nil, careLevel: row["careLevel"],
                            designation: try GuardianDesignation.latest(db, childId: row["childId"])))
                }
            }
            return Page(rows: items, request: page, item: { $0 }, key: { $0.child.childId })
        }

        router.post("/children/{id}/guardian-designations") { request, requestContext in
            let caller = try requestContext.requireCaller([.countyOfficer, .township])
            let childId = try AssessmentRoutes.childId(requestContext)
            let body = try await request.decodeJSON(as: DesignationRequest.self, context: requestContext)
            try Self.check(body)
            let now = context.clock.now()
            let today = CalendarDate(now)
            guard body.agreementSignedOn <= today else {
                throw APIError.unprocessable(
                    "The agreement cannot be signed after today (\(today)).", code: "date_in_future",
                    field: "agreementSignedOn")
            }
            let designation = try await context.database.pool.write { db in
                guard let snapshot = try ChildProjection.load(db, childId: childId), snapshot.isRegistered,
                    let villageCode = snapshot.villageCode
                else { throw APIError.notFound("No registered child \(childId) is known to the assessment service.") }
                guard caller.mayRead(ChildPlace(villageCode: villageCode, schoolId: snapshot.schoolId)) else {
                    throw APIError.forbidden("Child \(childId) is outside your scope.")
                }
                if snapshot.hasExited {
                    throw APIError.conflict("Child \(childId) has left the programme.", code: "child_exited")
                }
                let isCategoryOne = try Bool.fetchOne(db, sql: """
                    SELECT \(Self.categoryOne) FROM child c LEFT JOIN risk r ON r.childId = c.childId WHERE c.childId = ?
                    """, arguments: [childId]) ?? false
                guard isCategoryOne else {
                    throw APIError.unprocessable(
                        "Child \(childId) is not in guardian category 1; only category-1 children get a designated guardian.",
                        code: "not_category_one")
                }
                let designation = GuardianDesignation(
                    designationId: UUID().uuidString.lowercased(), childId: childId, guardianName: body.guardianName,
                    guardianPhone: body.guardianPhone, relationship: body.relationship,
                    agreementSignedOn: body.agreementSignedOn, recordedBy: caller.subject,
                    recordedRole: caller.role.rawValue, recordedAt: now, note: body.note)
                try designation.insert(db)
                return designation
            }
            return EditedResponse(status: .created, response: designation)
        }
    }

    /// Checks the text fields of a designation.
    static func check(_ body: DesignationRequest) throws(APIError) {
        guard FieldFormat.isPersonName(body.guardianName) else {
            throw .badRequest("`guardianName` must be a name of 1 to 50 characters.", code: "invalid_body", field: "guardianName")
        }
        if let phone = body.guardianPhone, !FieldFormat.isPhone(phone) {
            throw .badRequest("`guardianPhone` is not a phone number.", code: "invalid_body", field: "guardianPhone")
        }
        if let relationship = body.relationship, !FieldFormat.isText(relationship, maxLength: 50) {
            throw .badRequest(
                "`relationship` must be text of at most 50 characters.", code: "invalid_body", field: "relationship")
        }
        if let note = body.note, !FieldFormat.isText(note, maxLength: 500, allowingNewlines: true) {
            throw .badRequest("`note` must be text of at most 500 characters.", code: "invalid_body", field: "note")
        }
    }
}

extension GuardianDesignation: ResponseEncodable {}
