import Foundation
import GRDB
import Hummingbird
import NotificationDomain
import ShouhuEvents
import ShouhuService

/// `POST /subscriptions`, `GET /subscriptions`, `DELETE /subscriptions/{id}`: officers' standing
/// interests. A county officer or admin may subscribe anyone anywhere; a township, village or
/// school officer, or a funding officer, subscribes themselves within their own scope.
struct SubscriptionRoutes: Sendable {
    let context: ServiceContext

    static let managers: Set<Role> = [.admin, .countyOfficer]
    static let subscribers: Set<Role> = [.admin, .countyOfficer, .township, .village, .school, .fundingOfficer]

    /// The body of `POST /subscriptions`.
    struct NewSubscription: Decodable, Sendable {
        var subscriber: String?
        var role: SubscriberRole
        var division: String?
        var schoolId: String?
        var kinds: [NoticeKind]
        var channels: [Channel]
        var name: String?
        var phone: String?
        var email: String?
    }

    /// A subscription as served.
    struct Body: ResponseEncodable, Sendable {
        var id: String
        var subscriber: String
        var role: SubscriberRole
        var division: String?
        var schoolId: String?
        var kinds: [NoticeKind]
        var channels: [Channel]
        var name: String?
        var phone: String?
        var email: String?
        var createdAt: Date
        var createdBy: String

        init(_ record: SubscriptionRecord) {
            id = record.id
            subscriber = record.subscriber
            role = record.role
            division = record.division
            schoolId = record.schoolId
            kinds = record.kindList
            channels = record.channelList
            name = record.name
            phone = record.phone
            email = record.email
            createdAt = Date(timeIntervalSince1970: record.createdAt)
            createdBy = record.createdBy
        }
    }

    func add(to router: Router<ShouhuRequestContext>) {
        router.post("/subscriptions") { request, requestContext in
            let caller = try requestContext.requireCaller(Self.subscribers)
            let input = try await request.decodeJSON(as: NewSubscription.self, context: requestContext)
            let record = try self.validate(input, caller: caller)
            do {
                try await context.database.pool.write { db in try record.insert(db) }
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                throw APIError.conflict("\(record.subscriber) already has a \(record.role.rawValue) subscription for this place; delete it first.",
                                        code: "duplicate_subscription", field: "subscriber")
            }
            return EditedResponse(status: .created, response: Body(record))
        }
        router.get("/subscriptions") { request, requestContext in
            let caller = try requestContext.requireCaller(Self.subscribers.union([.auditor]))
            let page = try PageRequest(request)
            let asked = request.uri.queryParameters["subscriber"].map(String.init)
            let seesAll = Self.managers.contains(caller.role) || caller.role == .auditor
            if !seesAll, let asked, asked != caller.subject {
                throw APIError.forbidden("You may list only your own subscriptions.")
            }
            let subscriber = seesAll ? asked : caller.subject
            let rows = try await context.database.pool.read { db in
                try SubscriptionRecord.fetchAll(db, sql: """
                    SELECT * FROM subscription WHERE (?1 IS NULL OR subscriber = ?1) AND (?2 IS NULL OR id > ?2)
                    ORDER BY id LIMIT ?3
                    """, arguments: [subscriber, page.after, page.limit + 1])
            }
            return Page(rows: rows, request: page, item: Body.init, key: \.id)
        }
        router.delete("/subscriptions/{id}") { _, requestContext in
            let caller = try requestContext.requireCaller(Self.subscribers)
            let id = try requestContext.parameters.require("id")
            try await context.database.pool.write { db in
                guard let record = try SubscriptionRecord.fetchOne(db, key: id) else {
                    throw APIError.notFound("No subscription \(id).")
                }
                guard Self.managers.contains(caller.role) || record.subscriber == caller.subject else {
                    throw APIError.forbidden("You may remove only your own subscriptions.")
                }
                _ = try record.delete(db)
            }
            return HTTPResponse.Status.noContent
        }
    }

    /// Checks the body against the rules and the caller's own scope; returns the row to store.
    func validate(_ input: NewSubscription, caller: Caller) throws -> SubscriptionRecord {
        let subscriber = (input.subscriber ?? caller.subject).trimmingCharacters(in: .whitespaces)
        guard !subscriber.isEmpty, subscriber.count <= 128 else {
            throw APIError.badRequest("`subscriber` must be a login subject of 1 to 128 characters.", field: "subscriber")
        }
        if let problem = SubscriptionRule.problem(role: input.role, division: input.division, schoolId: input.schoolId,
                                                  kinds: input.kinds, channels: input.channels) {
            throw APIError.unprocessable("`\(problem.field)`: \(problem.reason).", code: "invalid_subscription", field: problem.field)
        }
        if let division = input.division, DivisionCode.county(of: division) != context.settings.county {
            throw APIError.unprocessable("`division` is not in county \(context.settings.county).", code: "outside_county", field: "division")
        }
        if !Self.managers.contains(caller.role) {
            try Self.checkOwnScope(input, subscriber: subscriber, caller: caller)
        }
        if input.channels.contains(.sms) {
            guard let phone = input.phone, phone.utf8.count == 11, phone.hasPrefix("1"), phone.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
                throw APIError.unprocessable("SMS needs `phone`: an 11-digit mainland mobile number.", code: "invalid_phone", field: "phone")
            }
        } else if input.phone != nil {
            throw APIError.unprocessable("`phone` is kept only for the sms channel.", code: "invalid_phone", field: "phone")
        }
        if input.channels.contains(.email) {
            guard let email = input.email, email.count <= 254, SMTPMailer.isSafeAddress(email) else {
                throw APIError.unprocessable("E-mail needs `email`: one address such as name@example.cn.", code: "invalid_email", field: "email")
            }
        } else if input.email != nil {
            throw APIError.unprocessable("`email` is kept only for the email channel.", code: "invalid_email", field: "email")
        }
        if let name = input.name, name.isEmpty || name.count > 50 || name.contains(where: \.isNewline) {
            throw APIError.badRequest("`name` must be 1 to 50 characters on one line.", field: "name")
        }
        let kinds = NoticeKind.allCases.filter(input.kinds.contains)
        let channels = Channel.allCases.filter(input.channels.contains)
        return SubscriptionRecord(
            id: UUID().uuidString.lowercased(), subscriber: subscriber, role: input.role, division: input.division,
            schoolId: input.schoolId, kinds: SubscriptionRecord.encode(kinds.map(\.rawValue)),
            channels: SubscriptionRecord.encode(channels.map(\.rawValue)), name: input.name, phone: input.phone, email: input.email,
            createdAt: context.clock.now().timeIntervalSince1970, createdBy: caller.subject)
    }

    /// An officer below the county subscribes only themselves, as their own role, inside their
    /// own township, village or school.
    static func checkOwnScope(_ input: NewSubscription, subscriber: String, caller: Caller) throws {
        guard subscriber == caller.subject else {
            throw APIError.forbidden("You may subscribe only yourself.")
        }
        let scope = caller.scope ?? ""
        switch (caller.role, input.role) {
        case (.township, .township), (.village, .village):
            guard let division = input.division, DivisionCode.contains(scope, division) else {
                throw APIError.forbidden("`division` must be within your own scope \(scope).")
            }
        case (.school, .school):
            guard input.schoolId == scope else { throw APIError.forbidden("`schoolId` must be your own school.") }
        case (.fundingOfficer, .fundingOfficer):
            break
        default:
            throw APIError.forbidden("As `\(caller.role.rawValue)` you may subscribe only as that role.")
        }
    }
}
