import Foundation

@testable import ShouhuEvents

/// Envelopes of every event in many shapes, for comparing the codec's own writers and readers
/// with Foundation's: optional fields nil and present, empty and full arrays, every case of every
/// enum, extreme whole numbers, and text with everything a JSON writer treats specially. They
/// need not pass `validate()`: the writers and readers are compared on any value.
enum WireVariants {
    /// Texts for every string field: plain, empty, Chinese, characters JSON escapes, control
    /// characters, DEL, the line and paragraph separators, astral and combining characters.
    static let texts = [
        "plain", "", "李小梅 广东省东莞市 作业/考试", "quote \" backslash \\ slash / end\\",
        "line\nfeed\r\ncarriage\rreturn\ttab", "nul \u{0} bell \u{7} unit \u{1F} del \u{7F}",
        "separators \u{2028} and \u{2029}", "emoji 👧🏽 e\u{301} \u{10FFFF}", "\u{85}next line\u{A0}nbsp\u{3000}",
        "  spaced  ", "{\"json\": [1, 2]}", "\\u0041 not an escape",
    ]

    /// Whole numbers at the edges of `Int`.
    static let numbers = [0, 1, -1, 4, Int.max, Int.min, 1_000_000_007]

    /// Instants with and without milliseconds, early and late.
    static let instants = [
        Date(timeIntervalSince1970: 1_790_000_000), Date(timeIntervalSince1970: 1_790_000_000.123),
        Date(timeIntervalSince1970: -62_135_596_800), Date(timeIntervalSince1970: 253_402_300_799.999),
    ]

    static let days = [CalendarDate.earliest, CalendarDate("2026-02-28")!, CalendarDate("2000-12-31")!, .latest]

    /// The `index`th case of an enum, wrapping around, so that walking the variants walks every
    /// case.
    static func pick<T: CaseIterable>(_ index: Int) -> T {
        let cases = Array(T.allCases)
        return cases[index % cases.count]
    }

    static func pick<T>(_ values: [T], _ index: Int) -> T {
        values[index % values.count]
    }

    /// How many variants each event gets: every text twice (optionals present and absent).
    static var count: Int { texts.count * 2 }

    /// Variant `index` of an event, wrapped in an envelope whose header fields vary too.
    static func envelope<E: Event>(_ index: Int, _ payload: E) -> Envelope<E> {
        let id = Samples.envelopeId(index % 13 + 1)
        return Envelope(
            id: id, occurredAt: pick(instants, index), county: Samples.county,
            correlationId: index % 3 == 0 ? nil : Samples.requestId(index % 13 + 1),
            causationId: index % 2 == 0 ? nil : Samples.envelopeId((index + 5) % 13 + 1), payload: payload)
    }

    /// Variant `index`: text `index / 2`, with optionals present when `index` is odd.
    static func text(_ index: Int) -> (text: String, full: Bool) {
        (texts[(index / 2) % texts.count], index % 2 == 1)
    }

    static func childExited(_ index: Int) -> Envelope<ChildExited> {
        let (text, full) = text(index)
        return envelope(
            index, ChildExited(childId: text, reason: pick(index), on: pick(days, index), note: full ? text : nil))
    }

    static func guardian(_ index: Int, _ text: String, _ full: Bool) -> ChildRegistered.Guardian {
        .init(relation: pick(index), name: full ? text : nil, phone: full ? text + "1" : nil)
    }

    static func parents(_ index: Int, _ text: String, _ full: Bool) -> [ChildRegistered.Parent] {
        guard full else { return [] }
        return [
            .init(role: pick(index), status: pick(index), place: text, since: pick(days, index), phone: text),
            .init(role: pick(index + 1), status: pick(index + 1)),
        ]
    }

    static func childRegistered(_ index: Int) -> Envelope<ChildRegistered> {
        let (text, full) = text(index)
        return envelope(
            index,
            ChildRegistered(
                childId: text, name: text, gender: pick(index), birthDate: pick(days, index),
                schoolStage: pick(index), schoolId: full ? text : nil, grade: full ? text : nil,
                className: full ? text + "班" : nil, villageCode: text,
                guardian: guardian(index, text, full), parents: parents(index, text, full),
                familyFlags: full ? FamilyFlag.allCases : [], registeredOn: pick(days, index + 1)))
    }

    /// Listed fields with and without values, and values for fields not listed: all three are
    /// written (`encode(to:)`'s rule).
    static func childUpdated(_ index: Int) -> Envelope<ChildUpdated> {
        let (text, full) = text(index)
        let listed = Array(ChildUpdated.Field.allCases.prefix(index % 12))
        var event = ChildUpdated(
            childId: text, changed: listed, name: full ? text : nil, gender: full ? pick(index) : nil,
            birthDate: index % 3 == 0 ? pick(days, index) : nil, schoolStage: full ? pick(index) : nil,
            schoolId: full ? text : nil, grade: index % 4 == 1 ? text : nil, className: full ? text : nil,
            villageCode: index % 5 == 0 ? text : nil, guardian: full ? guardian(index, text, full) : nil,
            parents: full || index % 4 == 0 ? parents(index, text, full) : nil,
            familyFlags: full ? [pick(index), pick(index + 1)] : nil)
        if index % 7 == 3 { event.changed.append(text) }
        return envelope(index, event)
    }

    static func assessmentRecorded(_ index: Int) -> Envelope<AssessmentRecorded> {
        let (text, full) = text(index)
        return envelope(
            index,
            AssessmentRecorded(
                childId: text, assessmentId: text, guardianCategory: pick(numbers, index),
                harmLevel: full ? pick(numbers, index + 1) : nil, guardianRating: pick(index),
                dimensionScores: .init(
                    psychology: pick(numbers, index), physicalHealth: pick(numbers, index + 2),
                    studies: pick(numbers, index + 3), guardianship: pick(numbers, index + 4),
                    safetyAndLiving: pick(numbers, index + 5)),
                careLevel: pick(numbers, index + 6), tier: pick(index), assessedOn: pick(days, index),
                assessorRole: full ? text : nil))
    }

    static func riskEscalated(_ index: Int) -> Envelope<RiskEscalated> {
        let (text, full) = text(index)
        return envelope(
            index,
            RiskEscalated(
                childId: text, assessmentId: text, fromCareLevel: full ? pick(numbers, index) : nil,
                toCareLevel: pick(numbers, index + 1), fromHarmLevel: full ? pick(numbers, index + 2) : nil,
                toHarmLevel: index % 3 == 0 ? nil : pick(numbers, index + 3), reasons: full ? [text, text + "2"] : []))
    }

    static func reassessmentDue(_ index: Int) -> Envelope<ReassessmentDue> {
        let (text, full) = text(index)
        return envelope(
            index,
            ReassessmentDue(childId: text, dueOn: pick(days, index), why: pick(index), incidentVisitId: full ? text : nil))
    }

    static func mentorRegistered(_ index: Int) -> Envelope<MentorRegistered> {
        let (text, full) = text(index)
        return envelope(
            index,
            MentorRegistered(
                mentorId: text, name: text, role: pick(index), schoolId: full ? text : nil,
                divisionCode: index % 3 == 0 ? text : nil, phone: text, email: full ? text + "@example.cn" : nil))
    }

    static func mentorAssigned(_ index: Int) -> Envelope<MentorAssigned> {
        let (text, _) = text(index)
        return envelope(index, MentorAssigned(childId: text, mentorId: text, role: pick(index), pairing: pick(index + 1)))
    }

    static func mentorUnassigned(_ index: Int) -> Envelope<MentorUnassigned> {
        let (text, full) = text(index)
        let reason = full ? text : (pick(index) as MentorUnassigned.KnownReason).rawValue
        return envelope(index, MentorUnassigned(childId: text, mentorId: text, reason: reason))
    }

    static func visitRecorded(_ index: Int) -> Envelope<VisitRecorded> {
        let (text, full) = text(index)
        return envelope(
            index,
            VisitRecorded(
                childId: text, visitId: text, mentorId: text, kind: pick(index), on: pick(days, index),
                concerns: full ? [text, "", text] : [], escalated: full))
    }

    static func visitOverdue(_ index: Int) -> Envelope<VisitOverdue> {
        let (text, full) = text(index)
        return envelope(
            index,
            VisitOverdue(
                childId: text, mentorIds: full ? [text, text] : [], obligation: pick(index),
                dueOn: pick(days, index), daysOverdue: pick(numbers, index), tier: pick(index)))
    }

    static func disbursementApproved(_ index: Int) -> Envelope<DisbursementApproved> {
        let (text, _) = text(index)
        return envelope(
            index,
            DisbursementApproved(
                batchId: text, period: text, count: pick(numbers, index),
                totalFen: pick([Int64.max, Int64.min, 0, 25_000_000, -1], index)))
    }

    static func disbursementSettled(_ index: Int) -> Envelope<DisbursementSettled> {
        let (text, full) = text(index)
        return envelope(
            index,
            DisbursementSettled(
                batchId: text, childId: text, amountFen: pick([Int64.max, Int64.min, 0, 50_000], index),
                outcome: pick(index), reason: full ? text : nil))
    }
}
