import Foundation
import GRDB
import NotificationDomain
import ShouhuEvents

/// The people the service must reach, kept from events: children (with their guardians' and
/// parents' numbers, never an ID number), mentors, pairings, and officers' subscriptions.
enum Directory {
    // MARK: - Children

    static func record(_ child: ChildRegistered, in db: Database) throws {
        let father = child.parents.first { $0.role == .father }
        let mother = child.parents.first { $0.role == .mother }
        try db.execute(sql: """
            INSERT INTO child (id, name, villageCode, schoolId, guardianName, guardianPhone, fatherPhone, motherPhone,
                               fatherAway, motherAway)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, villageCode = excluded.villageCode,
                schoolId = excluded.schoolId, guardianName = excluded.guardianName, guardianPhone = excluded.guardianPhone,
                fatherPhone = excluded.fatherPhone, motherPhone = excluded.motherPhone,
                fatherAway = excluded.fatherAway, motherAway = excluded.motherAway
            """, arguments: [child.childId, child.name, child.villageCode, child.schoolId, child.guardian.name,
                             child.guardian.phone, father?.phone, mother?.phone,
                             father?.status == .workingAway, mother?.status == .workingAway])
    }

    /// Applies the changed fields this service keeps; returns false when the child is unknown.
    @discardableResult
    static func apply(_ update: ChildUpdated, in db: Database) throws -> Bool {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM child WHERE id = ?", arguments: [update.childId]) == true else {
            return false
        }
        var sets: [String] = []
        var arguments: StatementArguments = []
        func set(_ column: String, _ value: (any DatabaseValueConvertible)?) {
            sets.append("\(column) = ?")
            _ = arguments.append(contentsOf: [value])
        }
        if update.isChanged(.name), let name = update.name { set("name", name) }
        if update.isChanged(.villageCode), let village = update.villageCode { set("villageCode", village) }
        if update.isChanged(.schoolId) { set("schoolId", update.schoolId) }
        if update.isChanged(.guardian), let guardian = update.guardian {
            set("guardianName", guardian.name)
            set("guardianPhone", guardian.phone)
        }
        if update.isChanged(.parents), let parents = update.parents {
            let father = parents.first { $0.role == .father }, mother = parents.first { $0.role == .mother }
            set("fatherPhone", father?.phone)
            set("motherPhone", mother?.phone)
            set("fatherAway", father?.status == .workingAway)
            set("motherAway", mother?.status == .workingAway)
        }
        guard !sets.isEmpty else { return true }
        _ = arguments.append(contentsOf: [update.childId])
        try db.execute(sql: "UPDATE child SET \(sets.joined(separator: ", ")) WHERE id = ?", arguments: arguments)
        return true
    }

    static func markExited(_ childId: String, on day: CalendarDate, in db: Database) throws {
        try db.execute(sql: "UPDATE child SET exitedOn = ? WHERE id = ?", arguments: [day.description, childId])
    }

    static func child(_ id: String, in db: Database) throws -> ChildFacts? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM child WHERE id = ?", arguments: [id]) else { return nil }
        let guardian = Contact(name: row["guardianName"], phone: row["guardianPhone"])
        var parents: [ParentFacts] = []
        for (role, label) in [(ParentRole.father, "father"), (.mother, "mother")] {
            guard row["\(label)Away"] as Bool? == true, let phone = row["\(label)Phone"] as String?, !phone.isEmpty else { continue }
            parents.append(ParentFacts(role: role, contact: Contact(name: role == .father ? "父亲" : "母亲", phone: phone)))
        }
        return ChildFacts(childId: row["id"], name: row["name"], villageCode: row["villageCode"], schoolId: row["schoolId"],
                          guardian: guardian, parents: parents, exited: row["exitedOn"] as String? != nil)
    }

    // MARK: - Mentors and pairings

    static func record(_ mentor: MentorRegistered, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO mentor (id, name, role, schoolId, divisionCode, phone, email) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role, schoolId = excluded.schoolId,
                divisionCode = excluded.divisionCode, phone = excluded.phone, email = excluded.email
            """, arguments: [mentor.mentorId, mentor.name, mentor.role.rawValue, mentor.schoolId, mentor.divisionCode,
                             mentor.phone, mentor.email])
    }

    /// The mentor as known, or an inbox-only stand-in when `MentorRegistered` has not arrived yet.
    static func mentor(_ id: String, in db: Database) throws -> MentorFacts {
        guard let row = try Row.fetchOne(db, sql: "SELECT name, phone, email FROM mentor WHERE id = ?", arguments: [id]) else {
            return MentorFacts(mentorId: id, contact: Contact())
        }
        return MentorFacts(mentorId: id, contact: Contact(name: row["name"], phone: row["phone"], email: row["email"]))
    }

    static func pair(child: String, mentor: String, in db: Database) throws {
        try db.execute(sql: "INSERT OR IGNORE INTO pairing (childId, mentorId) VALUES (?, ?)", arguments: [child, mentor])
    }

    static func unpair(child: String, mentor: String, in db: Database) throws {
        try db.execute(sql: "DELETE FROM pairing WHERE childId = ? AND mentorId = ?", arguments: [child, mentor])
    }

    static func mentors(ofChild childId: String, in db: Database) throws -> [MentorFacts] {
        try String.fetchAll(db, sql: "SELECT mentorId FROM pairing WHERE childId = ? ORDER BY mentorId", arguments: [childId])
            .map { try mentor($0, in: db) }
    }

    // MARK: - Escalations

    /// Keeps `envelope` as the child's latest escalation unless a later one is already kept.
    static func recordEscalation(_ envelope: Envelope<RiskEscalated>, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO escalation (childId, envelopeId, occurredAt, payload) VALUES (?, ?, ?, ?)
            ON CONFLICT (childId) DO UPDATE SET envelopeId = excluded.envelopeId, occurredAt = excluded.occurredAt,
                payload = excluded.payload
            WHERE excluded.occurredAt >= escalation.occurredAt
            """, arguments: [envelope.payload.childId, envelope.id, envelope.occurredAt.timeIntervalSince1970,
                             try JSONEncoder().encode(envelope.payload)])
    }

    /// The child's latest escalation: the event, its envelope id and when it happened.
    static func latestEscalation(of childId: String, in db: Database) throws -> (event: RiskEscalated, envelopeId: String, at: Date)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM escalation WHERE childId = ?", arguments: [childId]) else {
            return nil
        }
        let event = try JSONDecoder().decode(RiskEscalated.self, from: row["payload"] as Data)
        return (event, row["envelopeId"], Date(timeIntervalSince1970: row["occurredAt"]))
    }

    // MARK: - Subscriptions

    static func subscriptions(in db: Database) throws -> [SubscriptionRule] {
        try SubscriptionRecord.fetchAll(db, sql: "SELECT * FROM subscription ORDER BY id").map(\.rule)
    }
}
