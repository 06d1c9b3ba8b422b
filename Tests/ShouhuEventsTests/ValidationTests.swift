import Foundation
import ShouhuEvents
import Testing

/// One forbidden value: a change to a valid sample payload, and the field the error must name.
struct Breach: Sendable, CustomTestStringConvertible {
    let routingKey: String
    let name: String
    let field: String
    let validate: @Sendable () -> EventValidationError?
    let decode: @Sendable () throws -> EventDecodingError?

    init<E: Event>(
        _ base: Envelope<E>, _ name: String, field: String, _ change: @escaping @Sendable (inout E) -> Void
    ) {
        routingKey = E.routingKey
        self.name = name
        self.field = field
        validate = {
            var payload = base.payload
            change(&payload)
            do throws(EventValidationError) {
                try payload.validate()
                return nil
            } catch {
                return error
            }
        }
        decode = {
            // The same breach sent over the wire: encode by hand (the codec refuses to), decode.
            var payload = base.payload
            change(&payload)
            let envelope = Envelope(
                id: base.id, occurredAt: base.occurredAt, county: base.county,
                correlationId: base.correlationId, causationId: base.causationId, payload: payload)
            let encoder = JSONEncoder()
            let data = try encoder.encode(envelope)
            do throws(EventDecodingError) {
                _ = try EventCodec().decode(E.self, from: data)
                return nil
            } catch {
                return error
            }
        }
    }

    var testDescription: String { "\(routingKey): \(name)" }
}

enum Breaches {
    static let badUUID = "3F2B8C1E-9D4A-4C7B-8E21-5A6F7B8C9D01"

    static let childRegistered: [Breach] = {
        let s = Samples.childRegistered
        return [
            Breach(s, "uppercase child id", field: "childId") { $0.childId = badUUID },
            Breach(s, "child id not a UUID", field: "childId") { $0.childId = "child-1" },
            Breach(s, "blank name", field: "name") { $0.name = "   " },
            Breach(s, "name of 51 characters", field: "name") { $0.name = String(repeating: "李", count: 51) },
            Breach(s, "name with a line break", field: "name") { $0.name = "李\n小梅" },
            Breach(s, "primary pupil without a school", field: "schoolId") { $0.schoolId = nil },
            Breach(s, "school id of 65 characters", field: "schoolId") { $0.schoolId = String(repeating: "s", count: 65) },
            Breach(s, "empty school id", field: "schoolId") { $0.schoolId = "" },
            Breach(s, "blank grade", field: "grade") { $0.grade = " " },
            Breach(s, "class name too long", field: "className") { $0.className = String(repeating: "班", count: 33) },
            Breach(s, "village code of 6 digits", field: "villageCode") { $0.villageCode = "520330" },
            Breach(s, "village code with letters", field: "villageCode") { $0.villageCode = "52033010420A" },
            Breach(s, "guardian without a name", field: "guardian.name") { $0.guardian.name = nil },
            Breach(s, "guardian with a bad phone", field: "guardian.phone") { $0.guardian.phone = "12345" },
            Breach(s, "two fathers", field: "parents[1].role") { $0.parents[1].role = .father },
            Breach(s, "parent with a bad phone", field: "parents[1].phone") { $0.parents[1].phone = "phone" },
            Breach(s, "parent with a blank place", field: "parents[0].place") { $0.parents[0].place = "" },
            Breach(s, "repeated family flag", field: "familyFlags[1]") {
                $0.familyFlags = [.minimumAllowance, .minimumAllowance]
            },
            Breach(s, "born after registration", field: "birthDate") { $0.birthDate = CalendarDate("2026-06-19")! },
        ]
    }()

    static let childUpdated: [Breach] = {
        let s = Samples.childUpdated
        return [
            Breach(s, "nothing changed", field: "changed") { $0 = ChildUpdated(childId: $0.childId, changed: []) },
            Breach(s, "unknown field", field: "changed[4]") { $0.changed.append("idNumber") },
            Breach(s, "field listed twice", field: "changed[4]") { $0.changed.append("grade") },
            Breach(s, "guardian listed without a value", field: "guardian") { $0.guardian = nil },
            Breach(s, "name listed and null", field: "name") { $0.changed.append("name") },
            Breach(s, "value for an unlisted field", field: "className") { $0.className = "3班" },
            Breach(s, "school cleared for a junior high pupil", field: "schoolId") { $0.schoolId = nil },
            Breach(s, "bad school id", field: "schoolId") { $0.schoolId = " x" },
            Breach(s, "guardian with a bad phone", field: "guardian.phone") { $0.guardian?.phone = "0851" },
            Breach(s, "bad village code", field: "villageCode") {
                $0.changed.append("villageCode")
                $0.villageCode = "5203301042"
            },
            Breach(s, "repeated parent role", field: "parents[1].role") {
                $0.changed.append("parents")
                $0.parents = [.init(role: .mother, status: .atHome), .init(role: .mother, status: .unknown)]
            },
            Breach(s, "repeated family flag", field: "familyFlags[1]") {
                $0.changed.append("familyFlags")
                $0.familyFlags = [.orphan, .orphan]
            },
            Breach(s, "blank name", field: "name") {
                $0.changed.append("name")
                $0.name = ""
            },
        ]
    }()

    static let childExited: [Breach] = {
        let s = Samples.childExited
        return [
            Breach(s, "bad child id", field: "childId") { $0.childId = "" },
            Breach(s, "blank note", field: "note") { $0.note = "  " },
            Breach(s, "note over 500 characters", field: "note") { $0.note = String(repeating: "字", count: 501) },
        ]
    }()

    static let assessmentRecorded: [Breach] = {
        let s = Samples.assessmentRecorded
        return [
            Breach(s, "bad assessment id", field: "assessmentId") { $0.assessmentId = "x" },
            Breach(s, "guardian category 0", field: "guardianCategory") { $0.guardianCategory = 0 },
            Breach(s, "guardian category 4", field: "guardianCategory") { $0.guardianCategory = 4 },
            Breach(s, "harm level 0", field: "harmLevel") { $0.harmLevel = 0 },
            Breach(s, "harm level 5", field: "harmLevel") { $0.harmLevel = 5 },
            Breach(s, "psychology 0", field: "dimensionScores.psychology") { $0.dimensionScores.psychology = 0 },
            Breach(s, "physical health 5", field: "dimensionScores.physicalHealth") { $0.dimensionScores.physicalHealth = 5 },
            Breach(s, "studies -1", field: "dimensionScores.studies") { $0.dimensionScores.studies = -1 },
            Breach(s, "guardianship 9", field: "dimensionScores.guardianship") { $0.dimensionScores.guardianship = 9 },
            Breach(s, "safety 0", field: "dimensionScores.safetyAndLiving") { $0.dimensionScores.safetyAndLiving = 0 },
            Breach(s, "care level 5", field: "careLevel") { $0.careLevel = 5 },
            Breach(s, "care level 0", field: "careLevel") { $0.careLevel = 0 },
            Breach(s, "care level 4 in the general tier", field: "tier") { $0.tier = .general },
            Breach(s, "care level 3 in the key tier", field: "tier") { $0.careLevel = 3 },
            Breach(s, "blank assessor role", field: "assessorRole") { $0.assessorRole = "" },
        ]
    }()

    static let riskEscalated: [Breach] = {
        let s = Samples.riskEscalated
        return [
            Breach(s, "bad assessment id", field: "assessmentId") { $0.assessmentId = "" },
            Breach(s, "from care level 0", field: "fromCareLevel") { $0.fromCareLevel = 0 },
            Breach(s, "to care level 5", field: "toCareLevel") { $0.toCareLevel = 5 },
            Breach(s, "from harm level 5", field: "fromHarmLevel") { $0.fromHarmLevel = 5 },
            Breach(s, "to harm level 0", field: "toHarmLevel") { $0.toHarmLevel = 0 },
            Breach(s, "no reasons", field: "reasons") { $0.reasons = [] },
            Breach(s, "blank reason", field: "reasons[1]") { $0.reasons[1] = " " },
            Breach(s, "care level fell, harm unchanged", field: "toCareLevel") {
                $0 = RiskEscalated(
                    childId: $0.childId, assessmentId: $0.assessmentId, fromCareLevel: 4, toCareLevel: 2,
                    fromHarmLevel: 3, toHarmLevel: 3, reasons: ["x"])
            },
            Breach(s, "same care level, harm eased", field: "toCareLevel") {
                $0 = RiskEscalated(
                    childId: $0.childId, assessmentId: $0.assessmentId, fromCareLevel: 3, toCareLevel: 3,
                    fromHarmLevel: 2, toHarmLevel: 4, reasons: ["x"])
            },
            Breach(s, "same care level, harm gone", field: "toCareLevel") {
                $0 = RiskEscalated(
                    childId: $0.childId, assessmentId: $0.assessmentId, fromCareLevel: 3, toCareLevel: 3,
                    fromHarmLevel: 2, toHarmLevel: nil, reasons: ["x"])
            },
        ]
    }()

    static let reassessmentDue: [Breach] = {
        let s = Samples.reassessmentDue
        return [
            Breach(s, "incident without a visit", field: "incidentVisitId") { $0.incidentVisitId = nil },
            Breach(s, "incident with a bad visit id", field: "incidentVisitId") { $0.incidentVisitId = "visit" },
            Breach(s, "term with a visit", field: "incidentVisitId") { $0.why = .term },
            Breach(s, "bad child id", field: "childId") { $0.childId = "3f2b8c1e9d4a4c7b8e215a6f7b8c9d01" },
        ]
    }()

    static let mentorRegistered: [Breach] = {
        let s = Samples.mentorRegistered
        return [
            Breach(s, "bad mentor id", field: "mentorId") { $0.mentorId = "m1" },
            Breach(s, "blank name", field: "name") { $0.name = "" },
            Breach(s, "neither school nor division", field: "schoolId") { $0.schoolId = nil },
            Breach(s, "division of 7 digits", field: "divisionCode") { $0.divisionCode = "5203301" },
            Breach(s, "mobile of 10 digits", field: "phone") { $0.phone = "1350851234" },
            Breach(s, "mobile of 12 digits", field: "phone") { $0.phone = "135085123456" },
            Breach(s, "phone with letters", field: "phone") { $0.phone = "0851-2822ABCD" },
            Breach(s, "landline of 6 digits", field: "phone") { $0.phone = "282212" },
            Breach(s, "phone with a double dash", field: "phone") { $0.phone = "0851--28221234" },
            Breach(s, "empty phone", field: "phone") { $0.phone = "" },
            Breach(s, "e-mail without @", field: "email") { $0.email = "zhang.li.example.edu.cn" },
            Breach(s, "e-mail without a domain dot", field: "email") { $0.email = "zhang@localhost" },
            Breach(s, "e-mail with a space", field: "email") { $0.email = "zhang li@example.cn" },
            Breach(s, "e-mail with two @", field: "email") { $0.email = "a@b@example.cn" },
        ]
    }()

    static let mentorAssigned: [Breach] = {
        let s = Samples.mentorAssigned
        return [
            Breach(s, "bad child id", field: "childId") { $0.childId = "" },
            Breach(s, "bad mentor id", field: "mentorId") { $0.mentorId = badUUID },
        ]
    }()

    static let mentorUnassigned: [Breach] = {
        let s = Samples.mentorUnassigned
        return [
            Breach(s, "bad mentor id", field: "mentorId") { $0.mentorId = "x" },
            Breach(s, "empty reason", field: "reason") { $0.reason = "" },
            Breach(s, "reason in words", field: "reason") { $0.reason = "Child exited" },
        ]
    }()

    static let visitRecorded: [Breach] = {
        let s = Samples.visitRecorded
        return [
            Breach(s, "bad visit id", field: "visitId") { $0.visitId = "v" },
            Breach(s, "bad mentor id", field: "mentorId") { $0.mentorId = "" },
            Breach(s, "blank concern", field: "concerns[0]") { $0.concerns[0] = "" },
            Breach(s, "concern too long", field: "concerns[1]") { $0.concerns[1] = String(repeating: "a", count: 201) },
        ]
    }()

    static let visitOverdue: [Breach] = {
        let s = Samples.visitOverdue
        return [
            Breach(s, "no mentors", field: "mentorIds") { $0.mentorIds = [] },
            Breach(s, "the same mentor twice", field: "mentorIds[1]") { $0.mentorIds[1] = $0.mentorIds[0] },
            Breach(s, "bad mentor id", field: "mentorIds[0]") { $0.mentorIds[0] = "mentor" },
            Breach(s, "zero days overdue", field: "daysOverdue") { $0.daysOverdue = 0 },
            Breach(s, "negative days overdue", field: "daysOverdue") { $0.daysOverdue = -3 },
        ]
    }()

    static let disbursementApproved: [Breach] = {
        let s = Samples.disbursementApproved
        return [
            Breach(s, "bad batch id", field: "batchId") { $0.batchId = "batch" },
            Breach(s, "semester 3", field: "period") { $0.period = "2026-S3" },
            Breach(s, "month 13", field: "period") { $0.period = "2026-13" },
            Breach(s, "month 00", field: "period") { $0.period = "2026-00" },
            Breach(s, "period without a dash", field: "period") { $0.period = "202609" },
            Breach(s, "lowercase semester", field: "period") { $0.period = "2026-s1" },
            Breach(s, "year only", field: "period") { $0.period = "2026" },
            Breach(s, "zero children", field: "count") { $0.count = 0 },
            Breach(s, "zero total", field: "totalFen") { $0.totalFen = 0 },
            Breach(s, "negative total", field: "totalFen") { $0.totalFen = -100 },
        ]
    }()

    static let disbursementSettled: [Breach] = {
        let s = Samples.disbursementSettled
        return [
            Breach(s, "bad batch id", field: "batchId") { $0.batchId = "" },
            Breach(s, "bad child id", field: "childId") { $0.childId = "c" },
            Breach(s, "zero amount", field: "amountFen") { $0.amountFen = 0 },
            Breach(s, "negative amount", field: "amountFen") { $0.amountFen = -1 },
            Breach(s, "failed without a reason", field: "reason") { $0.reason = nil },
            Breach(s, "blank reason", field: "reason") { $0.reason = "" },
        ]
    }()

    static let all: [Breach] =
        childRegistered + childUpdated + childExited + assessmentRecorded + riskEscalated
        + reassessmentDue + mentorRegistered + mentorAssigned + mentorUnassigned + visitRecorded
        + visitOverdue + disbursementApproved + disbursementSettled
}

@Suite struct ValidationTests {
    @Test(arguments: Samples.all)
    func everySampleIsValid(_ sample: Sample) {
        #expect(throws: Never.self) { try sample.payload.validate() }
    }

    @Test(arguments: Breaches.all)
    func validationRejectsForbiddenValue(_ breach: Breach) {
        let error = breach.validate()
        #expect(error?.field == breach.field, "\(String(describing: error))")
        #expect(error?.reason.isEmpty == false)
    }

    @Test(arguments: Breaches.all)
    func consumerRejectsForbiddenValueAsInvalidPayload(_ breach: Breach) throws {
        let error = try breach.decode()
        guard case .invalidPayload(let inner)? = error else {
            Issue.record("expected invalidPayload, got \(String(describing: error))")
            return
        }
        #expect(inner.field == breach.field)
    }

    @Test func everyEventHasForbiddenValuesInTheTable() {
        let covered = Set(Breaches.all.map(\.routingKey))
        #expect(covered == Set(EventCatalog.all.map { $0.routingKey }))
    }

    // MARK: - Values that must pass

    @Test(arguments: [SchoolStage.preschool, .notInSchool])
    func childWithoutSchoolIsValidBeforeOrOutOfSchool(_ stage: SchoolStage) throws {
        var child = Samples.childRegistered.payload
        child.schoolStage = stage
        child.schoolId = nil
        try child.validate()
    }

    @Test func childWithNoGuardianNeedsNoGuardianName() throws {
        var child = Samples.childRegistered.payload
        child.guardian = .init(relation: .none)
        try child.validate()
    }

    @Test func childWithoutParentsOrFlagsIsValid() throws {
        var child = Samples.childRegistered.payload
        child.parents = []
        child.familyFlags = []
        child.grade = nil
        child.className = nil
        try child.validate()
    }

    @Test func clearingSchoolWhenLeavingSchoolIsValid() throws {
        let update = ChildUpdated(
            childId: Samples.childId, changed: [.schoolStage, .schoolId], schoolStage: .notInSchool)
        try update.validate()
        #expect(update.changedFields == [.schoolStage, .schoolId])
        #expect(update.isChanged(.schoolId) && !update.hasValue(.schoolId))
    }

    @Test func clearingSchoolAloneIsLeftToIntake() throws {
        try ChildUpdated(childId: Samples.childId, changed: [.schoolId]).validate()
    }

    @Test(arguments: ChildUpdated.Field.allCases)
    func onlyOptionalFieldsCanBeCleared(_ field: ChildUpdated.Field) {
        let update = ChildUpdated(childId: Samples.childId, changed: [field])
        let error: EventValidationError?
        do throws(EventValidationError) {
            try update.validate()
            error = nil
        } catch let caught {
            error = caught
        }
        #expect((error == nil) == [.schoolId, .grade, .className].contains(field))
        #expect(field.isClearable == (error == nil))
        if let error { #expect(error.field == field.rawValue) }
    }

    @Test func firstAssessmentCountsAsARise() throws {
        let risk = RiskEscalated(
            childId: Samples.childId, assessmentId: Samples.assessmentId, fromCareLevel: nil,
            toCareLevel: 4, fromHarmLevel: nil, toHarmLevel: nil, reasons: ["首次评估为四心"])
        try risk.validate()
        #expect(risk.careLevelRose && !risk.harmWorsened)
    }

    @Test func harmWorseningAloneIsARise() throws {
        let appeared = RiskEscalated(
            childId: Samples.childId, assessmentId: Samples.assessmentId, fromCareLevel: 4,
            toCareLevel: 4, fromHarmLevel: nil, toHarmLevel: 4, reasons: ["出现伤害"])
        try appeared.validate()
        let worse = RiskEscalated(
            childId: Samples.childId, assessmentId: Samples.assessmentId, fromCareLevel: 4,
            toCareLevel: 3, fromHarmLevel: 3, toHarmLevel: 2, reasons: ["伤害加重"])
        try worse.validate()
        #expect(worse.harmWorsened && !worse.careLevelRose)
    }

    @Test func termReassessmentNeedsNoVisit() throws {
        try ReassessmentDue(childId: Samples.childId, dueOn: CalendarDate("2027-01-15")!, why: .term).validate()
    }

    @Test func cadreWithADivisionAndNoSchoolIsValid() throws {
        try MentorRegistered(
            mentorId: Samples.cadreId, name: "陈刚", role: .cadre, divisionCode: "520330104",
            phone: "+86-851-28221234"
        ).validate()
    }

    @Test func paidSettlementNeedsNoReason() throws {
        var settled = Samples.disbursementSettled.payload
        settled.outcome = .paid
        settled.reason = nil
        try settled.validate()
    }

    @Test func unknownUnassignmentReasonCodeIsValidButNotKnown() throws {
        let event = MentorUnassigned(childId: Samples.childId, mentorId: Samples.teacherId, reason: "school_closed")
        try event.validate()
        #expect(event.knownReason == nil)
        #expect(Samples.mentorUnassigned.payload.knownReason == .childExited)
    }

    @Test func nestedErrorsNameTheirPath() {
        let error = EventValidationError(field: "phone", reason: "bad")
        #expect(error.nested(under: "guardian").field == "guardian.phone")
        #expect(error.nested(under: "parents[1]").field == "parents[1].phone")
        #expect(EventValidationError(field: "[0]", reason: "x").nested(under: "mentorIds").field == "mentorIds[0]")
        #expect(error.description == "phone: bad")
    }
}
