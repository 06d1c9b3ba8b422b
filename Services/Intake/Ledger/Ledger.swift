import Foundation
import GRDB
import IntakeDomain
import ShouhuEvents
import ShouhuService
import ShouhuStore

/// The county ledger's rules over its store: register, update, exit and age out children, each
/// inside the caller's write transaction with its event appended to the outbox in the same
/// transaction. The HTTP routes and the importer both come through here, so a row of a file and
/// a form obey exactly the same rules.
struct Ledger: Sendable {
    let configuration: IntakeConfiguration
    let vault: ResidentIDVault?
    /// Why there is no vault (no or a bad `SHOUHU_ID_KEY`): writes are refused with it.
    let vaultProblem: String?
    let registry: RegistryHolder
    let county: String
    let outbox: Outbox

    var policy: LeftBehindPolicy { configuration.policy }

    /// How a registration ended when it did not fail.
    enum Registration: Sendable, Equatable {
        /// A new child, and the children it was flagged as a likely duplicate of.
        case created(childId: String, likelyDuplicates: [String])
        /// An import row that matches a child already in the ledger: nothing was created.
        case duplicate(existingChildId: String)
    }

    /// What a registration does with a file that matches an existing child.
    enum MatchRule: Sendable {
        /// A form: the same ID number is 409 `duplicate_id_number`; the same name, birth date
        /// and village without an ID number is registered and flagged for review.
        case request
        /// An import row: a child already there (same ID number, or the same name, birth date and
        /// village when the row has no ID number) is skipped as a duplicate, so that importing a
        /// file again creates nothing twice.
        case importRow
    }

    // MARK: - Register

    /// A child's file checked, sealed and encoded, ready to be written: everything of a
    /// registration that needs no database, so an import can prepare the next rows while the
    /// store writes the last ones.
    struct PreparedChild: Sendable {
        var file: ChildFile
        var childId: String
        var lookup: String?
        var sealed: String?
        var document: String
        var envelopeId: String
        var eventBody: Data
        var now: Date
        /// The likely-duplicate key's column value, made here rather than in the write.
        var duplicateKey: String
        /// The registration day, `YYYY-MM-DD` (the county's today at `now`).
        var registeredOn: String
    }

    /// Validates and registers a child, appending `child.registered`.
    /// - Throws: `APIError` 400 naming the field (`invalid_id_number` for a bad ID number), 403
    ///   outside the caller's scope, 422 `not_left_behind` with the reasons, 409
    ///   `duplicate_id_number`.
    func register(_ input: ChildFileInput, caller: Caller, now: Date, rule: MatchRule, correlationId: String?,
                  in db: Database) throws -> Registration {
        try commit(try prepare(input, caller: caller, now: now, correlationId: correlationId), caller: caller, rule: rule, in: db)
    }

    /// Checks a file (fields, scope, the left-behind definition), seals its ID number and encodes
    /// its file and its event.
    /// - Throws: `APIError` as ``register(_:caller:now:rule:correlationId:in:)`` does, except
    ///   for duplicates, which only the store can tell.
    func prepare(_ input: ChildFileInput, caller: Caller, now: Date, correlationId: String?) throws -> PreparedChild {
        let vault = try requireVault()
        let today = CalendarDate(now)
        let file = try validate(input, today: today)
        try checkScope(caller, villageCode: file.village.code, schoolId: file.schoolId)
        let eligibility = file.eligibility(policy: policy, on: policy.referenceDate(today: today))
        if case .notLeftBehind(let reasons) = eligibility {
            throw APIError.unprocessable(
                "The child does not count as left-behind under the county's definition: "
                    + reasons.joined(separator: " "), code: "not_left_behind")
        }
        let childId = EventID.next(at: now)
        let envelope = Envelope(occurredAt: now, county: county, correlationId: correlationId,
                                payload: file.registeredEvent(childId: childId, on: today))
        return PreparedChild(
            file: file, childId: childId, lookup: file.idNumber.map(vault.lookupHash),
            sealed: try file.idNumber.map { try vault.seal($0) }, document: RegistrationJSON.document(file.document),
            envelopeId: envelope.id, eventBody: try EventCodec().encode(envelope), now: now,
            duplicateKey: file.duplicateKey.value, registeredOn: today.description)
    }

    /// Writes a prepared child unless it is already in the ledger, with its event, and flags
    /// likely duplicates for review.
    ///
    /// Every `APIError` it throws (a duplicate ID number for a form) is thrown by the checks,
    /// before anything is written, so a caller that goes on after one needs no savepoint; any
    /// other error is the store's and must end the caller's transaction.
    func commit(_ child: PreparedChild, caller: Caller, rule: MatchRule, in db: Database) throws -> Registration {
        let file = child.file
        if let lookup = child.lookup,
           let existing = try String.fetchOne(db.cachedStatement(sql: "SELECT id FROM children WHERE idLookup = ?"),
                                              arguments: [lookup]) {
            if rule == .importRow { return .duplicate(existingChildId: existing) }
            throw APIError.conflict(
                "A child with this resident ID number is already in the ledger (child \(existing)).",
                code: "duplicate_id_number", field: "idNumber")
        }
        let sameKey = try Row.fetchAll(db.cachedStatement(sql: "SELECT id, idLookup FROM children WHERE duplicateKey = ?"),
                                       arguments: [child.duplicateKey])
        // Two files that both carry (different) ID numbers are two children; a likely
        // duplicate is one where at least one side has no number to tell them apart.
        let likely = sameKey.filter { child.lookup == nil || ($0["idLookup"] as String?) == nil }.map { $0["id"] as String }
        if rule == .importRow, child.lookup == nil, let first = likely.first {
            return .duplicate(existingChildId: first)
        }
        let now = child.now
        try insert(child, caller: caller, in: db)
        for other in likely {
            let (a, b) = child.childId < other ? (child.childId, other) : (other, child.childId)
            try db.execute(sql: """
                INSERT OR IGNORE INTO duplicate_reviews (id, childId, otherChildId, villageCode, flaggedAt)
                VALUES (?, ?, ?, ?, ?)
                """, arguments: [EventID.next(at: now), a, b, file.village.code, now.timeIntervalSince1970])
        }
        try outbox.append(id: child.envelopeId, routingKey: ChildRegistered.routingKey, body: child.eventBody, in: db, at: now)
        return .created(childId: child.childId, likelyDuplicates: likely)
    }

    private func insert(_ child: PreparedChild, caller: Caller, in db: Database) throws {
        let file = child.file
        let now = child.now.timeIntervalSince1970
        let today = child.registeredOn
        try db.cachedStatement(sql: """
            INSERT INTO children (id, name, gender, birthDate, schoolStage, schoolId, villageCode, townshipCode,
                guardianRelation, familyFlags, idSealed, idLookup, idMasked, duplicateKey, document, registeredOn,
                registeredBy, registeredAt, updatedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                child.childId, file.name, file.gender.rawValue, file.birthDate.description, file.schoolStage.rawValue,
                file.schoolId, file.village.code, file.village.townshipCode, file.guardian.relation.rawValue,
                file.flagsColumn, child.sealed, child.lookup, file.idNumber?.masked, child.duplicateKey,
                child.document, today, caller.subject, now, now,
            ])
        if let school = file.schoolId {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO schools (id, firstSeenOn) VALUES (?, ?)")
                .execute(arguments: [school, today])
        }
    }

    // MARK: - Update

    /// Applies a partial change to a child's file, checking the version the caller last read,
    /// and appends `child.updated` with only the fields the event carries that changed.
    /// - Parameters:
    ///   - patch: the fields to change; `cleared` names fields sent as `null`.
    ///   - expectedVersion: the version the caller read; another one is 409 `version_conflict`.
    /// - Returns: the child's new version and the event's changed fields.
    func update(_ childId: String, patch: ChildFileInput, present: Set<String>, expectedVersion: Int, caller: Caller,
                now: Date, in db: Database) throws -> (version: Int, changed: [String]) {
        let vault = try requireVault()
        guard let row = try ChildRow.find(childId, in: db), caller.mayRead(row.place) else {
            throw APIError.notFound("No child \(childId) in your part of the ledger.")
        }
        guard row.status == "active" else {
            throw APIError.conflict("The child has exited the programme; an exited file is kept as it was.",
                                    code: "child_exited")
        }
        guard row.version == expectedVersion else {
            throw APIError.conflict(
                "Someone changed this child's file since you read it (you have version \(expectedVersion), the "
                    + "ledger has \(row.version)). Read it again and reapply your change.",
                code: "version_conflict", field: "version")
        }
        let today = CalendarDate(now)
        var merged = row.document
        let current = try row.idSealed.map { try vault.open($0, today: today) }
        merged.idNumber = current?.unmasked
        Self.overlay(patch, present: present, onto: &merged)
        let oldFile = try validate(row.document, today: today, registry: registry.current, skipVillageList: true)
        let file = try validate(merged, today: today)
        try checkScope(caller, villageCode: file.village.code, schoolId: file.schoolId)

        var lookup = try String.fetchOne(db, sql: "SELECT idLookup FROM children WHERE id = ?", arguments: [childId])
        var sealed = row.idSealed
        if present.contains("idNumber"), file.idNumber?.unmasked != current?.unmasked {
            if let id = file.idNumber {
                let hash = vault.lookupHash(id)
                if let other = try String.fetchOne(db, sql: "SELECT id FROM children WHERE idLookup = ? AND id <> ?",
                                                   arguments: [hash, childId]) {
                    throw APIError.conflict("Another child (\(other)) already has this resident ID number.",
                                            code: "duplicate_id_number", field: "idNumber")
                }
                lookup = hash
                sealed = try vault.seal(id)
            } else {
                lookup = nil
                sealed = nil
            }
        }
        let newVersion = row.version + 1
        try db.execute(sql: """
            UPDATE children SET version = ?, name = ?, gender = ?, birthDate = ?, schoolStage = ?, schoolId = ?,
                villageCode = ?, townshipCode = ?, guardianRelation = ?, familyFlags = ?, idSealed = ?, idLookup = ?,
                idMasked = ?, duplicateKey = ?, document = ?, updatedAt = ?
            WHERE id = ? AND version = ?
            """, arguments: [
                newVersion, file.name, file.gender.rawValue, file.birthDate.description, file.schoolStage.rawValue,
                file.schoolId, file.village.code, file.village.townshipCode, file.guardian.relation.rawValue,
                file.flagsColumn, sealed, lookup, file.idNumber?.masked, file.duplicateKey.value,
                try Self.encode(file.document), now.timeIntervalSince1970, childId, row.version,
            ])
        guard db.changesCount == 1 else {
            throw APIError.conflict("The child's file changed meanwhile; read it again.", code: "version_conflict",
                                    field: "version")
        }
        if let school = file.schoolId {
            try db.execute(sql: "INSERT OR IGNORE INTO schools (id, firstSeenOn) VALUES (?, ?)",
                           arguments: [school, today.description])
        }
        guard let event = file.updatedEvent(childId: childId, from: oldFile) else { return (newVersion, []) }
        try outbox.append(Envelope(occurredAt: now, county: county, payload: event), in: db)
        return (newVersion, event.changed)
    }

    /// Writes the present fields of `patch` over `file`; a field sent as `null` clears it.
    static func overlay(_ patch: ChildFileInput, present: Set<String>, onto file: inout ChildFileInput) {
        func take<T>(_ key: String, _ keyPath: WritableKeyPath<ChildFileInput, T?>) {
            if present.contains(key) { file[keyPath: keyPath] = patch[keyPath: keyPath] }
        }
        take("name", \.name)
        take("gender", \.gender)
        take("birthDate", \.birthDate)
        take("idNumber", \.idNumber)
        take("schoolStage", \.schoolStage)
        take("schoolId", \.schoolId)
        take("grade", \.grade)
        take("className", \.className)
        take("villageCode", \.villageCode)
        take("address", \.address)
        take("parents", \.parents)
        take("guardian", \.guardian)
        take("familyFlags", \.familyFlags)
        take("healthStatus", \.healthStatus)
        take("specialNeeds", \.specialNeeds)
        take("studyStatus", \.studyStatus)
    }

    // MARK: - Exit

    /// Records that a child left the programme and appends `child.exited`. The child's file and
    /// the exit stay in the ledger for good.
    /// - Throws: 404 outside the caller's scope, 409 `already_exited`, 400 for a day in the future
    ///   or before the registration.
    func exit(_ childId: String, reason: ExitReason, on day: CalendarDate?, note: String?, caller: Caller, now: Date,
              in db: Database) throws -> ChildRow {
        guard let row = try ChildRow.find(childId, in: db), caller.mayRead(row.place) else {
            throw APIError.notFound("No child \(childId) in your part of the ledger.")
        }
        guard row.status == "active" else {
            throw APIError.conflict("The child already exited on \(row.exitedOn ?? "?") (\(row.exitReason ?? "?")).",
                                    code: "already_exited")
        }
        let today = CalendarDate(now)
        let on = day ?? today
        guard on <= today else {
            throw APIError.badRequest("The exit day \(on) is after today, \(today).", code: "date_in_future", field: "on")
        }
        if let registered = CalendarDate(row.registeredOn), on < registered {
            throw APIError.badRequest("The exit day \(on) is before the child was registered (\(registered)).",
                                      code: "out_of_range", field: "on")
        }
        try recordExit(childId: childId, reason: reason, on: on, note: note, by: caller.subject, now: now, in: db)
        return try ChildRow.find(childId, in: db)!
    }

    private func recordExit(childId: String, reason: ExitReason, on: CalendarDate, note: String?, by subject: String,
                            now: Date, in db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE children SET status = 'exited', exitReason = ?, exitedOn = ?, version = version + 1, updatedAt = ?
            WHERE id = ? AND status = 'active'
            """).execute(arguments: [reason.rawValue, on.description, now.timeIntervalSince1970, childId])
        guard db.changesCount == 1 else { throw APIError.conflict("The child already exited.", code: "already_exited") }
        try db.cachedStatement(sql: """
            INSERT INTO child_exits (id, childId, reason, exitedOn, note, recordedBy, recordedAt) VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [EventID.next(at: now), childId, reason.rawValue, on.description, note, subject,
                                     now.timeIntervalSince1970])
        let event = ChildExited(childId: childId, reason: reason, on: on, note: note)
        try outbox.append(Envelope(occurredAt: now, county: county, payload: event), in: db)
    }

    // MARK: - Aged out

    /// The daily sweep's work: every active child who has reached the county's age limit on the
    /// county's today exits with `aged_out` on the birthday that made them that old. Runs in one
    /// transaction; an exited child is never found again, so a rerun or a restart does nothing
    /// twice.
    func exitAgedOut(now: Date, in db: Database) throws -> Int {
        let today = CalendarDate(now)
        let year = today.year - policy.ageLimit
        let cutoff = CalendarDate(year: year, month: today.month, day: today.day)
            ?? CalendarDate(year: year, month: 2, day: 28)!
        let due = try Row.fetchAll(db, sql: """
            SELECT id, birthDate FROM children WHERE status = 'active' AND birthDate <= ? ORDER BY birthDate, id
            """, arguments: [cutoff.description])
        var count = 0
        for row in due {
            guard let birth = CalendarDate(row["birthDate"] as String),
                  LeftBehindDefinition.agedOut(birthDate: birth, on: today, policy: policy) else { continue }
            let on = LeftBehindDefinition.ageOutDate(birthDate: birth, policy: policy)
            try recordExit(childId: row["id"], reason: .agedOut, on: min(on, today),
                           note: "Reached the county's age limit of \(policy.ageLimit).", by: "sweep:aged_out",
                           now: now, in: db)
            count += 1
        }
        return count
    }

    // MARK: - Checks

    /// The vault, or 503 `id_key_missing` when the service has no usable `SHOUHU_ID_KEY`.
    func requireVault() throws(APIError) -> ResidentIDVault {
        guard let vault else {
            throw APIError(status: .serviceUnavailable, code: "id_key_missing",
                           message: vaultProblem ?? "SHOUHU_ID_KEY is not set: the ledger cannot seal ID numbers.")
        }
        return vault
    }

    /// Checks a file, the way every write does.
    func validate(_ input: ChildFileInput, today: CalendarDate) throws(APIError) -> ChildFile {
        try validate(input, today: today, registry: registry.current, skipVillageList: false)
    }

    /// Checks a file against `registry`; `skipVillageList` reads a stored file whose village may
    /// have left a later list.
    func validate(_ input: ChildFileInput, today: CalendarDate, registry: DivisionRegistry,
                  skipVillageList: Bool) throws(APIError) -> ChildFile {
        var registry = registry
        if skipVillageList, let code = input.villageCode, case .failure(.unknownVillage) = registry.validateVillage(code),
           let bare = DivisionRegistry.builtIn(countyCode: registry.county.code) {
            registry = bare
        }
        switch ChildFileValidation.validate(input, registry: registry, today: today) {
        case .failure(let problems):
            throw Self.apiError(problems.problems)
        case .success(let file):
            if ChildRegistered.requiresSchool(file.schoolStage), file.schoolId == nil {
                throw APIError.badRequest(
                    "The school is required for a child in \(file.schoolStage.rawValue) (请填写学校).",
                    code: FieldProblem.Code.missingField.rawValue, field: "schoolId")
            }
            return file
        }
    }

    /// The first problem as the contract's error (an invalid ID number first of all, since the
    /// contract gives it its own code), with a count of the others.
    static func apiError(_ problems: [FieldProblem]) -> APIError {
        let first = problems.first { $0.code == .invalidIDNumber } ?? problems[0]
        let more = problems.count > 1 ? " (\(problems.count - 1) more problem\(problems.count > 2 ? "s" : "") in this file.)" : ""
        return .badRequest(first.message + more, code: first.code.rawValue, field: first.field)
    }

    /// 403 unless the caller's scope covers the village and school of a file they write.
    func checkScope(_ caller: Caller, villageCode: String, schoolId: String?) throws(APIError) {
        guard caller.mayRead(ChildPlace(villageCode: villageCode, schoolId: schoolId)) else {
            let field = caller.role == .school ? "schoolId" : "villageCode"
            throw APIError(status: .forbidden, code: "out_of_scope",
                           message: "Your token's scope (\(caller.scope ?? "none")) does not cover this child's "
                               + (caller.role == .school ? "school." : "village."), field: field)
        }
    }

    static func encode(_ document: ChildFileInput) throws -> String {
        String(decoding: try documentEncoder.encode(document), as: UTF8.self)
    }

    /// One encoder for every file (safe to share once configured).
    private static let documentEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()
}
