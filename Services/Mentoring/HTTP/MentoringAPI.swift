import Foundation
import GRDB
import Hummingbird
import MentoringDomain
import ShouhuEvents
import ShouhuService

/// What every mentoring route shares: the store, the clock, and the checks of who may see
/// which child and which mentor.
struct MentoringAPI: Sendable {
    let store: MentoringStore
    let clock: ServiceClock

    /// Runs one change in a write transaction at the clock's now.
    func write<T: Sendable>(_ body: @escaping @Sendable (Change) throws -> T) async throws -> T {
        let now = clock.now()
        let store = self.store
        return try await store.database.pool.write { db in try body(store.change(db, at: now)) }
    }

    /// Runs a read.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await store.database.pool.read(body)
    }

    // MARK: - Who may see what

    /// The caller's list scope. A mentor's token carries no scope claim: the mentor's own id
    /// (`sub`) is the scope, so a mentor lists the children paired with them now.
    static func scope(of caller: Caller) -> ListScope {
        caller.role == .mentor ? .mentor(caller.subject) : caller.listScope
    }

    /// Whether the caller may see or act on this child: a mentor only while paired with the
    /// child, the others by role and scope (a school its pupils, a township or village its
    /// villages, county roles everything).
    static func mayAccess(_ child: ChildRecord, _ caller: Caller, _ db: Database) throws -> Bool {
        if caller.role == .mentor {
            return try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM pairing WHERE childId = ? AND mentorId = ? AND endedOn IS NULL)",
                arguments: [child.id, caller.subject]) ?? false
        }
        return caller.mayRead(child.place)
    }

    /// The child, if it exists and the caller may see it.
    /// - Throws: 404 when there is no such child, 403 when it is outside the caller's scope.
    static func child(_ id: String, for caller: Caller, _ db: Database) throws -> ChildRecord {
        guard let child = try ChildRecord.fetch(id, db) else { throw APIError.notFound("No child \(id).") }
        guard try mayAccess(child, caller, db) else {
            throw APIError.forbidden("The child is outside your scope.", code: "out_of_scope")
        }
        return child
    }

    /// Whether the caller may see or manage a mentor who belongs to this school or division: a
    /// school its own teachers, a township or village the mentors of its divisions, a mentor
    /// themself, county roles everyone.
    static func mayAccess(mentorId: String, schoolId: String?, divisionCode: String?, _ caller: Caller) -> Bool {
        if caller.seesWholeCounty { return true }
        guard let scope = caller.scope, !scope.isEmpty else { return caller.role == .mentor && caller.subject == mentorId }
        switch caller.role {
        case .mentor: return caller.subject == mentorId
        case .school: return schoolId == scope
        default: return divisionCode.map { DivisionCode.contains(scope, $0) } ?? false
        }
    }

    /// The mentor, if it exists and the caller may see it.
    static func mentor(_ id: String, for caller: Caller, _ db: Database) throws -> MentorRecord {
        guard let mentor = try MentorRecord.fetch(id, db) else { throw APIError.notFound("No mentor \(id).") }
        guard mayAccess(mentorId: id, schoolId: mentor.schoolId, divisionCode: mentor.divisionCode, caller) else {
            throw APIError.forbidden("The mentor is outside your scope.", code: "out_of_scope")
        }
        return mentor
    }
}

// MARK: - Reading requests

extension Request {
    /// A query parameter, nil when absent or empty.
    func query(_ name: String) -> String? {
        uri.queryParameters[Substring(name)].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A JSON body that may be left out entirely (nil when empty).
    func optionalJSON<T: Decodable>(as type: T.Type, context: some RequestContext) async throws -> T? {
        let buffer: ByteBuffer
        do {
            buffer = try await body.collect(upTo: context.maxUploadSize)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIError.payloadTooLarge(limit: context.maxUploadSize)
        }
        guard buffer.readableBytes > 0 else { return nil }
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw APIError(error)
        }
    }
}

/// Checks on request fields, with the contract's 400 naming the field.
enum Field {
    /// Runs a contract check (`validate()` of the event a request becomes) as a 400 on the field.
    static func check(_ validate: () throws(EventValidationError) -> Void) throws(APIError) {
        do throws(EventValidationError) {
            try validate()
        } catch {
            throw .badRequest("`\(error.field)` \(error.reason).", code: "invalid_field", field: error.field)
        }
    }

    /// Optional free text of at most `max` characters, line breaks allowed.
    static func text(_ value: String?, _ field: String, max: Int) throws(APIError) {
        guard let value else { return }
        guard FieldFormat.isText(value, maxLength: max, allowingNewlines: true) else {
            throw .badRequest("`\(field)` must be non-blank text of at most \(max) characters.", code: "invalid_field", field: field)
        }
    }

    /// An id in the path: a lowercase UUID, else 404 (no such thing can exist).
    static func id(_ context: ShouhuRequestContext, _ name: String, what: String) throws -> String {
        let id = try context.parameters.require(name)
        guard FieldFormat.isLowercaseUUID(id) else { throw APIError.notFound("No \(what) \(id).") }
        return id
    }

    /// A date query parameter.
    static func date(_ request: Request, _ name: String) throws(APIError) -> CalendarDate? {
        guard let text = request.query(name) else { return nil }
        guard let date = CalendarDate(text) else {
            throw .badRequest("`\(name)` must be a date as YYYY-MM-DD.", code: "invalid_date", field: name)
        }
        return date
    }

    /// The filters shared by lists: `school`, `township` (9 digits), `mentor` (a UUID).
    static func filters(_ request: Request) throws(APIError) -> ChildFilters {
        let township = request.query("township")
        if let township, !FieldFormat.isDigits(township, count: 9) {
            throw .badRequest("`township` must be a 9-digit township code.", code: "invalid_field", field: "township")
        }
        let mentor = request.query("mentor")
        if let mentor, !FieldFormat.isLowercaseUUID(mentor) {
            throw .badRequest("`mentor` must be a mentor id (a lowercase UUID).", code: "invalid_field", field: "mentor")
        }
        return ChildFilters(school: request.query("school"), township: township, mentor: mentor)
    }
}

extension MentorRecord: ResponseEncodable {}
extension ChildPairingsView: ResponseEncodable {}
extension PairingView: ResponseEncodable {}
extension VisitView: ResponseEncodable {}
extension CaseloadView: ResponseEncodable {}
extension SupervisionReport: ResponseEncodable {}

/// A list that is not paged (a child's duties), as `{"items": [...]}`.
struct Items<Item: Encodable & Sendable>: ResponseEncodable, Sendable {
    var items: [Item]
}
