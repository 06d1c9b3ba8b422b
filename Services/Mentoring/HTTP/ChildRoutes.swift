import Foundation
import GRDB
import Hummingbird
import MentoringDomain
import ShouhuEvents
import ShouhuService

/// The body of `POST /children/{id}/pairings`.
struct PairingBody: Decodable, Sendable {
    var mentorId: String
    /// Pair even though the mentor has no room left (an officer's decision).
    var allowOverCapacity: Bool?
}

/// The body of `POST /children/{id}/visits`.
struct VisitBody: Decodable, Sendable {
    /// Who made the contact; a mentor recording their own may leave it out.
    var mentorId: String?
    var kind: VisitKind
    var on: CalendarDate
    var findings: String?
    var concerns: [String]?
    var helpGiven: String?
    /// A problem the mentor could not solve was reported upward (不能解决的及时上报).
    var escalated: Bool?
    var escalationNote: String?
}

/// A child's pairings (结对), contacts (家访 …), duties, and the unpaired list.
struct ChildRoutes {
    let api: MentoringAPI

    static let pairingWriters: Set<Role> = [.admin, .countyOfficer, .township, .school]
    static let pairingReaders: Set<Role> = [.admin, .countyOfficer, .auditor, .township, .village, .school, .mentor]
    /// Seed 000 篇九 and the issue: only the child's own mentors, the school and officers above.
    static let visitWriters: Set<Role> = [.admin, .countyOfficer, .township, .school, .mentor]
    static let visitReaders: Set<Role> = [.admin, .countyOfficer, .auditor, .township, .school, .mentor]

    func add(to router: Router<ShouhuRequestContext>) {
        let api = self.api
        router.get("/children/unpaired") { request, context in
            let caller = try context.requireCaller([.admin, .countyOfficer, .auditor, .township, .village, .school])
            let page = try PageRequest(request)
            let filters = try Field.filters(request)
            return try await api.read { db in
                try MentoringStore.unpaired(scope: MentoringAPI.scope(of: caller), filters: filters, page: page, db)
            }
        }
        router.get("/children/{id}/pairings") { _, context in
            let caller = try context.requireCaller(Self.pairingReaders)
            let id = try Field.id(context, "id", what: "child")
            let today = api.clock.today()
            return try await api.read { db in
                try MentoringStore.pairings(of: try MentoringAPI.child(id, for: caller, db), today: today, db)
            }
        }
        router.post("/children/{id}/pairings") { request, context in
            let caller = try context.requireCaller(Self.pairingWriters)
            let id = try Field.id(context, "id", what: "child")
            let body = try await request.decodeJSON(as: PairingBody.self, context: context)
            guard FieldFormat.isLowercaseUUID(body.mentorId) else {
                throw APIError.badRequest("`mentorId` must be a lowercase UUID.", code: "invalid_field", field: "mentorId")
            }
            let view = try await api.write { change in
                _ = try MentoringAPI.child(id, for: caller, change.db)
                _ = try api.store.pairByHand(
                    child: id, mentorId: body.mentorId, allowOverCapacity: body.allowOverCapacity ?? false, in: change)
                return try MentoringStore.pairings(of: ChildRecord.fetch(id, change.db)!, today: change.today, change.db)
            }
            return EditedResponse(status: .created, response: view)
        }
        router.delete("/children/{id}/pairings/{mentorId}") { request, context in
            let caller = try context.requireCaller(Self.pairingWriters)
            let id = try Field.id(context, "id", what: "child")
            let mentorId = try Field.id(context, "mentorId", what: "pairing with mentor")
            let reason = request.query("reason") ?? MentorUnassigned.KnownReason.byHand.rawValue
            guard FieldFormat.isCode(reason) else {
                throw APIError.badRequest("`reason` must be a snake_case code, e.g. by_hand.", code: "invalid_field", field: "reason")
            }
            let note = request.query("note")
            try Field.text(note, "note", max: 500)
            return try await api.write { change in
                _ = try MentoringAPI.child(id, for: caller, change.db)
                try api.store.unpairByHand(child: id, mentorId: mentorId, reason: reason, note: note, in: change)
                return try MentoringStore.pairings(of: ChildRecord.fetch(id, change.db)!, today: change.today, change.db)
            }
        }
        router.get("/children/{id}/obligations") { _, context in
            let caller = try context.requireCaller(Self.pairingReaders)
            let id = try Field.id(context, "id", what: "child")
            let today = api.clock.today()
            return try await api.read { db in
                _ = try MentoringAPI.child(id, for: caller, db)
                return Items(items: try MentoringStore.duties(of: id, today: today, db))
            }
        }
        router.post("/children/{id}/visits") { request, context in
            let caller = try context.requireCaller(Self.visitWriters)
            let id = try Field.id(context, "id", what: "child")
            let body = try await request.decodeJSON(as: VisitBody.self, context: context)
            let draft = try Self.draft(body, child: id, caller: caller)
            let visit = try await api.write { change in
                _ = try MentoringAPI.child(id, for: caller, change.db)
                try api.store.recordVisit(draft, in: change)
                return draft
            }
            return EditedResponse(status: .created, response: visit)
        }
        router.get("/children/{id}/visits") { request, context in
            let caller = try context.requireCaller(Self.visitReaders)
            let id = try Field.id(context, "id", what: "child")
            let page = try PageRequest(request)
            return try await api.read { db in
                _ = try MentoringAPI.child(id, for: caller, db)
                return try MentoringStore.visits(of: id, page: page, db)
            }
        }
    }

    /// Checks a contact: the mentor (a mentor records only their own), the texts, the concerns
    /// as `VisitRecorded` carries them.
    static func draft(_ body: VisitBody, child: String, caller: Caller) throws -> VisitView {
        let mentorId: String
        if caller.role == .mentor {
            if let given = body.mentorId, given != caller.subject {
                throw APIError.forbidden("A mentor records only their own contacts.", code: "not_your_visit")
            }
            mentorId = caller.subject
        } else {
            guard let given = body.mentorId else {
                throw APIError.badRequest("`mentorId` is missing: who made the contact?", code: "invalid_body", field: "mentorId")
            }
            mentorId = given
        }
        let concerns = body.concerns ?? []
        let id = EventID.next()
        let event = VisitRecorded(
            childId: child, visitId: id, mentorId: mentorId, kind: body.kind, on: body.on, concerns: concerns,
            escalated: body.escalated ?? false)
        try Field.check { () throws(EventValidationError) in try event.validate() }
        try Field.text(body.findings, "findings", max: 2000)
        try Field.text(body.helpGiven, "helpGiven", max: 1000)
        try Field.text(body.escalationNote, "escalationNote", max: 1000)
        if body.escalated == true, body.escalationNote == nil {
            throw APIError.unprocessable(
                "Say what was reported upward, and to whom, in `escalationNote`.", code: "escalation_note_required",
                field: "escalationNote")
        }
        return VisitView(
            id: id, childId: child, mentorId: mentorId, kind: body.kind, on: body.on, findings: body.findings, concerns: concerns,
            helpGiven: body.helpGiven, escalated: body.escalated ?? false, escalationNote: body.escalationNote,
            recordedBy: caller.subject, recordedByRole: caller.role.rawValue)
    }
}
