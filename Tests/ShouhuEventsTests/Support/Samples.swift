import Foundation
import ShouhuEvents
import Testing

/// The Swift values the golden files hold, written out by hand from the same story: one girl in
/// village 520330104201, registered, assessed into the key tier, paired, visited, paid.
enum Samples {
    static let county = "520330"
    static let childId = "3f2b8c1e-9d4a-4c7b-8e21-5a6f7b8c9d01"
    static let teacherId = "6a1d2e3f-4b5c-4d6e-8f70-81a2b3c4d5e6"
    static let cadreId = "7b2e3f40-5c6d-4e7f-9081-92b3c4d5e6f7"
    static let assessmentId = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"
    static let visitId = "b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e"
    static let batchId = "c3d4e5f6-a7b8-4c9d-8e1f-2a3b4c5d6e7f"

    /// Envelope id number `n` of the story (`…1a01` to `…1a13`).
    static func envelopeId(_ n: Int) -> String {
        "0e7c3a52-1b9d-4f6e-a8c4-2d5b7e9f1a" + (n < 10 ? "0" : "") + String(n)
    }

    /// A request correlation id of the story.
    static func requestId(_ n: Int) -> String {
        "5d1e9a7c-2f3b-4a8d-9c6e-0b1a2c3d4e" + (n < 10 ? "0" : "") + String(n)
    }

    /// An instant in UTC built with Foundation's calendar, independently of `RFC3339`.
    static func instant(
        _ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int,
        milliseconds: Int = 0
    ) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let whole = calendar.date(
            from: DateComponents(
                year: year, month: month, day: day, hour: hour, minute: minute, second: second))!
        return whole.addingTimeInterval(Double(milliseconds) / 1000)
    }

    static func day(_ text: String) -> CalendarDate {
        CalendarDate(text)!
    }

    // MARK: - One envelope per event, as in Golden/

    static var childRegistered: Envelope<ChildRegistered> {
        Envelope(
            id: envelopeId(1), occurredAt: instant(2026, 6, 20, 8, 30, 0), county: county,
            payload: ChildRegistered(
                childId: childId, name: "李小梅", gender: .female, birthDate: day("2015-03-14"),
                schoolStage: .primary, schoolId: "gz-520330-xiaoxue-017", grade: "五年级",
                className: "2班", villageCode: "520330104201",
                guardian: .init(relation: .grandparent, name: "王秀英", phone: "13885812345"),
                parents: [
                    .init(
                        role: .father, status: .workingAway, place: "广东省东莞市",
                        since: day("2023-02-10"), phone: "+86 13912345678"),
                    .init(
                        role: .mother, status: .workingAway, place: "浙江省宁波市",
                        since: day("2024-03-01")),
                ],
                familyFlags: [.minimumAllowance], registeredOn: day("2026-06-18")))
    }

    static var childUpdated: Envelope<ChildUpdated> {
        Envelope(
            id: envelopeId(2), occurredAt: instant(2026, 9, 1, 1, 15, 30), county: county,
            correlationId: requestId(2),
            payload: ChildUpdated(
                childId: childId, changed: [.schoolStage, .schoolId, .grade, .guardian],
                schoolStage: .juniorHigh, schoolId: "gz-520330-chuzhong-003",
                guardian: .init(relation: .otherRelative, name: "李建国", phone: "0851-28221234")))
    }

    static var childExited: Envelope<ChildExited> {
        Envelope(
            id: envelopeId(3), occurredAt: instant(2027, 1, 10, 6, 0, 0), county: county,
            payload: ChildExited(
                childId: childId, reason: .parentReturned, on: day("2027-01-08"),
                note: "母亲返乡务农，可以监护"))
    }

    static var assessmentRecorded: Envelope<AssessmentRecorded> {
        Envelope(
            id: envelopeId(4), occurredAt: instant(2026, 7, 2, 3, 20, 0), county: county,
            correlationId: requestId(4),
            payload: AssessmentRecorded(
                childId: childId, assessmentId: assessmentId, guardianCategory: 3, harmLevel: 3,
                guardianRating: .poor,
                dimensionScores: .init(
                    psychology: 4, physicalHealth: 2, studies: 3, guardianship: 4, safetyAndLiving: 2),
                careLevel: 4, tier: .key, assessedOn: day("2026-07-01"), assessorRole: "class_teacher"))
    }

    static var riskEscalated: Envelope<RiskEscalated> {
        .caused(
            by: assessmentRecorded.header, id: envelopeId(5),
            occurredAt: instant(2026, 7, 2, 3, 20, 0, milliseconds: 412),
            payload: RiskEscalated(
                childId: childId, assessmentId: assessmentId, fromCareLevel: 2, toCareLevel: 4,
                fromHarmLevel: nil, toHarmLevel: 3, reasons: ["委托监护人评估为差", "心理维度评为4分"]))
    }

    static var reassessmentDue: Envelope<ReassessmentDue> {
        .caused(
            by: visitRecorded.header, id: envelopeId(6), occurredAt: instant(2026, 9, 15, 2, 5, 8),
            payload: ReassessmentDue(
                childId: childId, dueOn: day("2026-09-22"), why: .incident, incidentVisitId: visitId))
    }

    static var mentorRegistered: Envelope<MentorRegistered> {
        Envelope(
            id: envelopeId(7), occurredAt: instant(2026, 6, 25, 0, 0, 0), county: county,
            payload: MentorRegistered(
                mentorId: teacherId, name: "张丽", role: .teacher, schoolId: "gz-520330-xiaoxue-017",
                phone: "13508512345", email: "zhang.li@example.edu.cn"))
    }

    static var mentorAssigned: Envelope<MentorAssigned> {
        .caused(
            by: riskEscalated.header, id: envelopeId(8), occurredAt: instant(2026, 7, 2, 3, 20, 1),
            payload: MentorAssigned(childId: childId, mentorId: cadreId, role: .cadre, pairing: .twoOnOne))
    }

    static var mentorUnassigned: Envelope<MentorUnassigned> {
        .caused(
            by: childExited.header, id: envelopeId(9), occurredAt: instant(2027, 1, 10, 6, 0, 2),
            payload: MentorUnassigned(childId: childId, mentorId: teacherId, reason: .childExited))
    }

    static var visitRecorded: Envelope<VisitRecorded> {
        Envelope(
            id: envelopeId(10), occurredAt: instant(2026, 9, 15, 2, 5, 7, milliseconds: 250),
            county: county, correlationId: requestId(10),
            payload: VisitRecorded(
                childId: childId, visitId: visitId, mentorId: teacherId, kind: .homeVisit,
                on: day("2026-09-14"), concerns: ["祖母住院，孩子独自在家", "作业/考试成绩下滑"],
                escalated: true))
    }

    static var visitOverdue: Envelope<VisitOverdue> {
        Envelope(
            id: envelopeId(11), occurredAt: instant(2026, 10, 1, 16, 0, 0), county: county,
            payload: VisitOverdue(
                childId: childId, mentorIds: [teacherId, cadreId], obligation: .homeVisit,
                dueOn: day("2026-09-29"), daysOverdue: 3, tier: .key))
    }

    static var disbursementApproved: Envelope<DisbursementApproved> {
        Envelope(
            id: envelopeId(12), occurredAt: instant(2026, 10, 20, 7, 45, 12), county: county,
            correlationId: requestId(12),
            payload: DisbursementApproved(batchId: batchId, period: "2026-S2", count: 142, totalFen: 25_000_000))
    }

    static var disbursementSettled: Envelope<DisbursementSettled> {
        Envelope(
            id: envelopeId(13), occurredAt: instant(2026, 10, 23, 9, 0, 0), county: county,
            correlationId: requestId(12),
            payload: DisbursementSettled(
                batchId: batchId, childId: childId, amountFen: 50_000, outcome: .failed,
                reason: "账户已销户"))
    }

    /// Every sample, one per event of the catalog.
    static let all: [Sample] = [
        Sample(childRegistered), Sample(childUpdated), Sample(childExited),
        Sample(assessmentRecorded), Sample(riskEscalated), Sample(reassessmentDue),
        Sample(mentorRegistered), Sample(mentorAssigned), Sample(mentorUnassigned),
        Sample(visitRecorded), Sample(visitOverdue),
        Sample(disbursementApproved), Sample(disbursementSettled),
    ]
}

/// One sample envelope with its type erased, so that a parameterised test can walk them all.
struct Sample: Sendable, CustomTestStringConvertible {
    let routingKey: String
    let header: EnvelopeHeader
    let payload: any Event
    /// Decodes the golden file as this sample's type and compares value and bytes.
    let checkGolden: @Sendable () throws -> Void
    /// Encodes the sample with the codec.
    let encode: @Sendable () throws -> Data
    /// Decodes a body as this sample's type, returning the error if any.
    let decode: @Sendable (Data) -> EventDecodingError?

    init<E: Event>(_ envelope: Envelope<E>) {
        routingKey = E.routingKey
        header = envelope.header
        payload = envelope.payload
        checkGolden = { try GoldenCheck.run(envelope) }
        encode = { try EventCodec().encode(envelope) }
        decode = { data in
            do throws(EventDecodingError) {
                _ = try EventCodec().decode(E.self, from: data)
                return nil
            } catch {
                return error
            }
        }
    }

    var testDescription: String { routingKey }
}
