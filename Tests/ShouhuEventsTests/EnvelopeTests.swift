import Foundation
import ShouhuEvents
import Testing

@Suite struct EnvelopeTests {
    @Test func newEnvelopeTakesTypeVersionAndProducerFromItsPayload() {
        let envelope = Envelope(county: "520330", payload: Samples.visitOverdue.payload)
        #expect(envelope.type == "visit.overdue")
        #expect(envelope.version == 1)
        #expect(envelope.producer == .mentoring)
        #expect(FieldFormat.isLowercaseUUID(envelope.id))
        #expect(envelope.correlationId == envelope.id)
        #expect(envelope.causationId == nil)
        #expect(abs(envelope.occurredAt.timeIntervalSinceNow) < 5)
    }

    @Test func eachNewEnvelopeGetsItsOwnId() {
        let first = Envelope(county: "520330", payload: Samples.mentorAssigned.payload)
        let second = Envelope(county: "520330", payload: Samples.mentorAssigned.payload)
        #expect(first.id != second.id)
    }

    @Test func followOnEnvelopeCarriesTheChain() {
        let cause = Samples.assessmentRecorded
        let effect = Envelope.caused(by: cause.header, payload: Samples.riskEscalated.payload)
        #expect(effect.correlationId == cause.correlationId)
        #expect(effect.causationId == cause.id)
        #expect(effect.county == cause.county)
        #expect(effect.id != cause.id)
        #expect(effect.type == "risk.escalated")
        #expect(effect.producer == .assessment)
    }

    @Test func headerHoldsEveryFieldButThePayload() {
        let envelope = Samples.riskEscalated
        let header = envelope.header
        #expect(header.id == envelope.id)
        #expect(header.type == envelope.type)
        #expect(header.version == envelope.version)
        #expect(header.occurredAt == envelope.occurredAt)
        #expect(header.producer == envelope.producer)
        #expect(header.county == envelope.county)
        #expect(header.correlationId == envelope.correlationId)
        #expect(header.causationId == envelope.causationId)
    }

    @Test func occurredAtIsKeptToTheMillisecond() {
        let instant = Date(timeIntervalSince1970: 1_781_944_200.123_456_7)
        let envelope = Envelope(occurredAt: instant, county: "520330", payload: Samples.childExited.payload)
        #expect(envelope.occurredAt == Date(timeIntervalSince1970: 1_781_944_200.123))
        #expect(RFC3339.string(from: envelope.occurredAt) == "2026-06-20T08:30:00.123Z")
    }

    @Test func codecRefusesToEncodeAnInvalidPayload() {
        var payload = Samples.childRegistered.payload
        payload.guardian.phone = "call me"
        let envelope = Envelope(county: "520330", payload: payload)
        #expect(throws: EventValidationError(field: "payload.guardian.phone", reason: "must be an 11-digit mobile starting with 1 or a landline of 7 to 20 digits and dashes, optionally after +86")) {
            try EventCodec().encode(envelope)
        }
    }

    @Test(arguments: [
        ("county", "5203"), ("id", "ID-1"), ("correlationId", "ABC"), ("causationId", "x"),
    ])
    func codecRefusesToEncodeAMalformedHeader(_ field: String, _ value: String) {
        let payload = Samples.childExited.payload
        let envelope: Envelope<ChildExited> =
            switch field {
            case "county": Envelope(county: value, payload: payload)
            case "id": Envelope(id: value, county: "520330", correlationId: Samples.requestId(1), payload: payload)
            case "correlationId": Envelope(county: "520330", correlationId: value, payload: payload)
            default: Envelope(county: "520330", causationId: value, payload: payload)
            }
        do {
            _ = try EventCodec().encode(envelope)
            Issue.record("encoded a malformed \(field)")
        } catch let error as EventValidationError {
            #expect(error.field == field)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func codecRefusesAnInstantOutsideFourDigitYears() {
        let envelope = Envelope(occurredAt: Date(timeIntervalSince1970: 3e11), county: "520330", payload: Samples.childExited.payload)
        #expect(throws: EventValidationError.self) { try EventCodec().encode(envelope) }
        #expect(throws: EncodingError.self) { try JSONEncoder().encode(envelope) }
    }

    @Test func plainFoundationCodingFollowsTheContractToo() throws {
        // A service that encodes an envelope with its own JSONEncoder still writes the contract.
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        let data = try encoder.encode(Samples.visitRecorded)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["occurredAt"] as? String == "2026-09-15T02:05:07.250Z")
        #expect(object["causationId"] is NSNull)
        let decoded = try JSONDecoder().decode(Envelope<VisitRecorded>.self, from: data)
        #expect(decoded == Samples.visitRecorded)
    }

    @Test func plainFoundationDecodingRefusesAnotherEvent() throws {
        let data = try Golden.data("child.registered")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Envelope<ChildExited>.self, from: data) }
    }

    @Test func anyEnvelopeGivesBackTheTypedOne() throws {
        let any = try EventCodec().decodeAny(from: Golden.data("visit.overdue"))
        #expect(any.typed(as: VisitOverdue.self) == Samples.visitOverdue)
        #expect(any.typed(as: ChildExited.self) == nil)
    }

    @Test func decodingErrorsDescribeThemselves() {
        #expect(EventDecodingError.notJSON.description == "the body is not a JSON object")
        #expect(EventDecodingError.missingField("payload.childId").description == "missing field payload.childId")
        #expect(
            EventDecodingError.unsupportedVersion(type: "child.registered", version: 2).description
                == "unsupported version 2 of child.registered")
        #expect(
            EventDecodingError.typeMismatch(expected: "child.exited", found: "child.registered").description
                == "expected a child.exited event, found child.registered")
    }
}
