import Foundation
import GRDB
import Hummingbird
import MentoringDomain
import ShouhuEvents
import ShouhuService

/// The body of `POST /mentors`.
struct MentorBody: Decodable, Sendable {
    var name: String
    var role: MentorRole
    var schoolId: String?
    var divisionCode: String?
    var phone: String
    var email: String?
    var capacity: Int?
}

/// The body of `PATCH /mentors/{id}`: only the fields given change.
struct MentorPatch: Decodable, Sendable {
    var name: String?
    var schoolId: String?
    var divisionCode: String?
    var phone: String?
    var email: String?
    var capacity: Int?
}

/// The optional body of `POST /mentors/{id}/deactivate`.
struct DeactivateBody: Decodable, Sendable {
    var note: String?
}

/// The mentor registry (帮扶人): register, read, list, update, deactivate, and the caseload.
struct MentorRoutes {
    let api: MentoringAPI

    static let managers: Set<Role> = [.admin, .countyOfficer, .township, .school]
    static let readers: Set<Role> = [.admin, .countyOfficer, .auditor, .township, .village, .school, .mentor]

    func add(to router: Router<ShouhuRequestContext>) {
        let api = self.api
        router.post("/mentors") { request, context in
            let caller = try context.requireCaller(Self.managers)
            let body = try await request.decodeJSON(as: MentorBody.self, context: context)
            let id = EventID.next()
            let draft = try Self.draft(
                id: id, name: body.name, role: body.role, schoolId: body.schoolId, divisionCode: body.divisionCode,
                phone: body.phone, email: body.email, capacity: body.capacity ?? api.store.policy.defaultCapacity,
                county: api.store.county, caller: caller)
            let mentor = try await api.write { change in try api.store.registerMentor(id: id, draft, in: change) }
            return EditedResponse(status: .created, response: mentor)
        }
        router.get("/mentors") { request, context in
            let caller = try context.requireCaller(Self.readers)
            let page = try PageRequest(request)
            let filters = try Field.filters(request)
            let role = try request.query("role").map { text throws(APIError) in
                guard let role = MentorRole(rawValue: text) else {
                    throw .badRequest("`role` must be teacher, cadre or volunteer.", code: "invalid_field", field: "role")
                }
                return role
            }
            return try await api.read { db in try Self.list(caller: caller, filters: filters, role: role, page: page, db) }
        }
        router.get("/mentors/{id}") { _, context in
            let caller = try context.requireCaller(Self.readers)
            let id = try Field.id(context, "id", what: "mentor")
            return try await api.read { db in try MentoringAPI.mentor(id, for: caller, db) }
        }
        router.patch("/mentors/{id}") { request, context in
            let caller = try context.requireCaller(Self.managers)
            let id = try Field.id(context, "id", what: "mentor")
            let patch = try await request.decodeJSON(as: MentorPatch.self, context: context)
            let county = api.store.county
            return try await api.write { change in
                let mentor = try MentoringAPI.mentor(id, for: caller, change.db)
                let draft = try Self.draft(
                    id: id, name: patch.name ?? mentor.name, role: mentor.role, schoolId: patch.schoolId ?? mentor.schoolId,
                    divisionCode: patch.divisionCode ?? mentor.divisionCode, phone: patch.phone ?? mentor.phone,
                    email: patch.email ?? mentor.email, capacity: patch.capacity ?? mentor.capacity, county: county,
                    caller: caller)
                guard mentor.active else {
                    throw APIError.conflict("The mentor is deactivated.", code: "mentor_inactive")
                }
                return try api.store.updateMentor(id: id, draft, in: change)
            }
        }
        router.post("/mentors/{id}/deactivate") { request, context in
            let caller = try context.requireCaller(Self.managers)
            let id = try Field.id(context, "id", what: "mentor")
            let body = try await request.optionalJSON(as: DeactivateBody.self, context: context)
            try Field.text(body?.note, "note", max: 500)
            return try await api.write { change in
                let mentor = try MentoringAPI.mentor(id, for: caller, change.db)
                guard mentor.active else {
                    throw APIError.conflict("The mentor is already deactivated.", code: "mentor_inactive")
                }
                return try api.store.deactivateMentor(id: id, note: body?.note, in: change)
            }
        }
        router.get("/mentors/{id}/caseload") { _, context in
            let caller = try context.requireCaller([.admin, .countyOfficer, .auditor, .township, .school, .mentor])
            let id = try Field.id(context, "id", what: "mentor")
            let today = api.clock.today()
            return try await api.read { db in
                try MentoringStore.caseload(of: try MentoringAPI.mentor(id, for: caller, db), today: today, db)
            }
        }
    }

    /// Checks a mentor's details against the contract (`MentorRegistered.validate()`), the
    /// county, the role and the caller's scope.
    static func draft(
        id: String, name: String, role: MentorRole, schoolId: String?, divisionCode: String?, phone: String,
        email: String?, capacity: Int, county: String, caller: Caller
    ) throws -> MentorDraft {
        let event = MentorRegistered(
            mentorId: id, name: name, role: role, schoolId: schoolId, divisionCode: divisionCode, phone: phone, email: email)
        try Field.check { () throws(EventValidationError) in try event.validate() }
        guard (0...100).contains(capacity) else {
            throw APIError.badRequest("`capacity` must be between 0 and 100.", code: "invalid_field", field: "capacity")
        }
        if let divisionCode, DivisionCode.county(of: divisionCode) != county {
            throw APIError.unprocessable(
                "`divisionCode` \(divisionCode) is not in this county (\(county)).", code: "outside_county", field: "divisionCode")
        }
        if role == .teacher, schoolId == nil {
            throw APIError.unprocessable("A teacher needs a `schoolId`.", code: "school_required", field: "schoolId")
        }
        if role != .teacher, divisionCode == nil {
            throw APIError.unprocessable(
                "A \(role.rawValue) needs the `divisionCode` of the township or village they serve.", code: "division_required",
                field: "divisionCode")
        }
        guard MentoringAPI.mayAccess(mentorId: id, schoolId: schoolId, divisionCode: divisionCode, caller) else {
            throw APIError.forbidden("The mentor would be outside your scope.", code: "out_of_scope")
        }
        return MentorDraft(
            name: name.trimmingCharacters(in: .whitespaces), role: role, schoolId: schoolId, divisionCode: divisionCode,
            phone: phone, email: email, capacity: capacity)
    }

    /// A page of mentors the caller may see, ordered by id.
    static func list(caller: Caller, filters: ChildFilters, role: MentorRole?, page: PageRequest, _ db: Database) throws
        -> Page<MentorRecord>
    {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if !caller.seesWholeCounty {
            switch (caller.role, caller.scope) {
            case (.mentor, _):
                conditions.append("id = ?")
                arguments += [caller.subject]
            case (.school, let scope?):
                conditions.append("schoolId = ?")
                arguments += [scope]
            case (_, let scope?) where DivisionCode.isWellFormed(scope):
                conditions.append("divisionCode LIKE ?")
                arguments += [scope + "%"]
            default:
                conditions.append("0")
            }
        }
        if let school = filters.school {
            conditions.append("schoolId = ?")
            arguments += [school]
        }
        if let township = filters.township {
            conditions.append("townshipCode = ?")
            arguments += [township]
        }
        if let role {
            conditions.append("role = ?")
            arguments += [role]
        }
        if let after = page.after {
            conditions.append("id > ?")
            arguments += [after]
        }
        arguments += [page.limit + 1]
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM mentor \(whereClause) ORDER BY id LIMIT ?", arguments: arguments)
        return Page(rows: rows.map(MentorRecord.init(row:)), request: page, item: { $0 }, key: { $0.id })
    }
}
