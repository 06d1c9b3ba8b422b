import Foundation
import GRDB
import Hummingbird
import IntakeDomain
import ShouhuEvents
import ShouhuService

/// `POST /children`, `GET /children`, `GET /children/{id}`, `PATCH /children/{id}` and
/// `POST /children/{id}/exit`.
struct ChildRoutes: Sendable {
    let ledger: Ledger
    let context: ServiceContext

    func add(to router: Router<ShouhuRequestContext>) {
        router.post("/children") { request, context in try await register(request, context) }
        router.get("/children") { request, context in try await list(request, context) }
        router.get("/children/{id}") { request, context in try await read(request, context) }
        router.patch("/children/{id}") { request, context in try await update(request, context) }
        router.post("/children/{id}/exit") { request, context in try await exit(request, context) }
    }

    // MARK: - Register

    func register(_ request: Request, _ http: ShouhuRequestContext) async throws -> EditedResponse<ChildView> {
        let caller = try http.requireCaller(IntakeAccess.writeChildren)
        let input = try await request.decodeJSON(as: ChildFileInput.self, context: http)
        let now = context.clock.now()
        let ledger = self.ledger
        let (row, registration) = try await context.database.pool.write { db in
            let registration = try ledger.register(input, caller: caller, now: now, rule: .request, correlationId: nil, in: db)
            guard case .created(let id, _) = registration else { throw APIError.internalError(reference: "register") }
            return (try ChildRow.find(id, in: db)!, registration)
        }
        var view = ChildView(row, registry: ledger.registry.current, today: CalendarDate(now))
        if case .created(_, let likely) = registration, !likely.isEmpty { view.likelyDuplicates = likely }
        return EditedResponse(status: .created, headers: Self.headers(row), response: view)
    }

    // MARK: - Read

    func read(_ request: Request, _ http: ShouhuRequestContext) async throws -> EditedResponse<ChildView> {
        let caller = try http.requireCaller(IntakeAccess.readChildren)
        let id = try http.parameters.require("id")
        let show = request.uri.queryParameters["show"].map(String.init)
        guard show == nil || show == "idNumber" else {
            throw APIError.badRequest("`show` may only be `idNumber`.", code: "invalid_query", field: "show")
        }
        let now = context.clock.now()
        let today = CalendarDate(now)
        guard let row = try await context.database.pool.read({ db in try ChildRow.find(id, in: db) }),
              caller.mayRead(row.place) else {
            throw APIError.notFound("No child \(id) in your part of the ledger.")
        }
        var whole: String?
        if show == "idNumber" {
            guard IntakeAccess.seeIDNumberWhole.contains(caller.role) else {
                throw APIError.forbidden("Only the county officer may see a resident ID number whole.",
                                         code: "may_not_see_id_number")
            }
            if let sealed = row.idSealed {
                let vault = try ledger.requireVault()
                whole = try vault.open(sealed, today: today).unmasked
                try await context.database.pool.write { db in
                    try db.execute(sql: """
                        INSERT INTO id_number_reads (childId, subject, role, route, readAt) VALUES (?, ?, ?, ?, ?)
                        """, arguments: [id, caller.subject, caller.role.rawValue, "GET /children/{id}?show=idNumber",
                                         now.timeIntervalSince1970])
                }
            }
        }
        var view = ChildView(row, registry: ledger.registry.current, today: today, wholeIDNumber: whole)
        let open = try await context.database.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT childId, otherChildId FROM duplicate_reviews WHERE status = 'open' AND (childId = ? OR otherChildId = ?)
                """, arguments: [id, id]).map { ($0["childId"] as String) == id ? $0["otherChildId"] as String : $0["childId"] }
        }
        if !open.isEmpty { view.likelyDuplicates = open }
        return EditedResponse(headers: Self.headers(row), response: view)
    }

    func list(_ request: Request, _ http: ShouhuRequestContext) async throws -> Page<ChildView> {
        let caller = try http.requireCaller(IntakeAccess.readChildren)
        let page = try PageRequest(request)
        let query = request.uri.queryParameters
        var clauses: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        func filter(_ name: String, _ column: String, check: (String) -> Bool, expected: String) throws {
            guard let value = query[name[...]].map(String.init), !value.isEmpty else { return }
            guard check(value) else {
                throw APIError.badRequest("`\(name)` must be \(expected).", code: "invalid_query", field: name)
            }
            clauses.append("\(column) = ?")
            arguments.append(value)
        }
        try filter("village", "villageCode", check: { FieldFormat.isVillageCode($0) }, expected: "a 12-digit village code")
        try filter("township", "townshipCode", check: { FieldFormat.isDigits($0, count: 9) },
                   expected: "a 9-digit township code")
        try filter("school", "schoolId", check: { !$0.isEmpty && $0.count <= 64 }, expected: "a school id")
        try filter("status", "status", check: { ["active", "exited"].contains($0) }, expected: "active or exited")
        try filter("careTier", "careTier", check: { CareTier(rawValue: $0) != nil }, expected: "general or key")
        switch caller.listScope {
        case .county: break
        case .division(let prefix):
            clauses.append("substr(villageCode, 1, ?) = ?")
            arguments += [prefix.count, prefix]
        case .school(let school):
            clauses.append("schoolId = ?")
            arguments.append(school)
        case .mentor, .nothing:
            clauses.append("0")
        }
        if let after = page.after {
            clauses.append("id > ?")
            arguments.append(after)
        }
        let sql = "SELECT \(ChildRow.columns) FROM children"
            + (clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")) + " ORDER BY id LIMIT ?"
        arguments.append(page.limit + 1)
        let values = arguments.map(\.databaseValue)
        let rows = try await context.database.pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(values)).map(ChildRow.init(row:))
        }
        let registry = ledger.registry.current
        let today = context.clock.today()
        return Page(rows: rows, request: page, item: { ChildView($0, registry: registry, today: today) }, key: \.id)
    }

    // MARK: - Update

    func update(_ request: Request, _ http: ShouhuRequestContext) async throws -> EditedResponse<ChildView> {
        let caller = try http.requireCaller(IntakeAccess.writeChildren)
        let id = try http.parameters.require("id")
        let data = try await Self.collect(request, http)
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw APIError.badRequest("The body must be a JSON object of the fields to change.", code: "invalid_body")
        }
        let known = Set(Self.fileKeys + ["version"])
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw APIError.badRequest("`\(unknown)` is not a field of a child's file.", code: "unknown_field", field: unknown)
        }
        let patch: ChildFileInput
        let version: Int?
        do {
            patch = try JSONDecoder().decode(ChildFileInput.self, from: data)
            version = try JSONDecoder().decode(VersionField.self, from: data).version
        } catch let error as DecodingError {
            throw APIError(error)
        }
        let expected = try Self.expectedVersion(version, ifMatch: request.headers[.ifMatch])
        let present = Set(object.keys).subtracting(["version"])
        guard !present.isEmpty else {
            throw APIError.badRequest("Name at least one field to change.", code: "invalid_body")
        }
        let now = context.clock.now()
        let ledger = self.ledger
        let row = try await context.database.pool.write { db in
            _ = try ledger.update(id, patch: patch, present: present, expectedVersion: expected, caller: caller, now: now, in: db)
            return try ChildRow.find(id, in: db)!
        }
        let view = ChildView(row, registry: ledger.registry.current, today: CalendarDate(now))
        return EditedResponse(headers: Self.headers(row), response: view)
    }

    /// The version the caller last read: `version` in the body or an `If-Match: "3"` header.
    static func expectedVersion(_ body: Int?, ifMatch: String?) throws(APIError) -> Int {
        if let body { return body }
        if let ifMatch {
            let tag = ifMatch.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "W/", with: "")
                .trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            if let version = Int(tag) { return version }
            throw APIError.badRequest("`If-Match` must be the ETag you last read, e.g. \"3\".", code: "invalid_header",
                                      field: "If-Match")
        }
        throw APIError(status: .preconditionRequired, code: "version_required",
                       message: "Send the version you last read, as `version` in the body or an If-Match header, so "
                           + "that nobody's change is silently overwritten.", field: "version")
    }

    // MARK: - Exit

    /// What `POST /children/{id}/exit` takes.
    struct ExitRequest: Decodable, Sendable {
        var reason: ExitReason
        var on: CalendarDate?
        var note: String?
    }

    func exit(_ request: Request, _ http: ShouhuRequestContext) async throws -> EditedResponse<ChildView> {
        let caller = try http.requireCaller(IntakeAccess.exitChildren)
        let id = try http.parameters.require("id")
        let body = try await request.decodeJSON(as: ExitRequest.self, context: http)
        var note = body.note?.trimmingCharacters(in: .whitespacesAndNewlines)
        if note?.isEmpty == true { note = nil }
        if let note, !FieldFormat.isText(note, maxLength: 500, allowingNewlines: true) {
            throw APIError.badRequest("`note` must be text of at most 500 characters.", code: "invalid_value", field: "note")
        }
        let now = context.clock.now()
        let ledger = self.ledger
        let row = try await context.database.pool.write { [note] db in
            try ledger.exit(id, reason: body.reason, on: body.on, note: note, caller: caller, now: now, in: db)
        }
        return EditedResponse(headers: Self.headers(row),
                              response: ChildView(row, registry: ledger.registry.current, today: CalendarDate(now)))
    }

    // MARK: - Helpers

    /// Every JSON key of a child's file.
    static let fileKeys = [
        "name", "gender", "birthDate", "idNumber", "schoolStage", "schoolId", "grade", "className", "villageCode",
        "address", "parents", "guardian", "familyFlags", "healthStatus", "specialNeeds", "studyStatus",
    ]

    static func headers(_ row: ChildRow) -> HTTPFields {
        [.eTag: "\"\(row.version)\"", .location: "/children/\(row.id)"]
    }

    static func collect(_ request: Request, _ http: ShouhuRequestContext) async throws -> Data {
        do {
            return Data(try await request.body.collect(upTo: http.maxUploadSize).readableBytesView)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIError.payloadTooLarge(limit: http.maxUploadSize)
        }
    }
}

/// The `version` member of a PATCH body.
private struct VersionField: Decodable {
    var version: Int?
}
