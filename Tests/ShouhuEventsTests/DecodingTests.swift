import Foundation
import ShouhuEvents
import Testing

/// What a consumer gets for each kind of bad body (docs/contract.md: not JSON, a missing field,
/// an unknown major version, an invalid payload), and the envelope fields' formats.
@Suite struct DecodingTests {
    let codec = EventCodec()

    private func error<E: Event>(_ type: E.Type, _ data: Data) -> EventDecodingError? {
        do throws(EventDecodingError) {
            _ = try codec.decode(E.self, from: data)
            return nil
        } catch {
            return error
        }
    }

    private func headerError(_ data: Data) -> EventDecodingError? {
        do throws(EventDecodingError) {
            _ = try codec.header(from: data)
            return nil
        } catch {
            return error
        }
    }

    // MARK: - Not JSON

    @Test(arguments: [
        "", " ", "{", "}", "[]", "[{}]", "null", "42", "\"child.registered\"", "true", "{\"id\": }",
        "{'id': 'x'}", "<xml/>", "{\"id\" \"a\"}",
    ])
    func bodyThatIsNotAJSONObjectIsNotJSON(_ text: String) {
        #expect(error(ChildRegistered.self, Data(text.utf8)) == .notJSON)
        #expect(headerError(Data(text.utf8)) == .notJSON)
    }

    @Test func invalidUTF8IsNotJSON() {
        let data = Data([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D])
        #expect(error(ChildRegistered.self, data) == .notJSON)
    }

    @Test func truncatedBodyIsNotJSON() throws {
        let data = try Golden.data("child.registered")
        #expect(error(ChildRegistered.self, data.prefix(data.count / 2)) == .notJSON)
    }

    // MARK: - Missing fields

    @Test(arguments: ["id", "type", "version", "occurredAt", "producer", "county", "correlationId", "payload"])
    func missingEnvelopeFieldIsNamed(_ field: String) throws {
        let data = try Golden.mutated("visit.recorded") { $0.removeValue(forKey: field) }
        #expect(error(VisitRecorded.self, data) == .missingField(field))
        #expect(headerError(data) == .missingField(field))
    }

    @Test(arguments: ["id", "type", "version", "occurredAt", "producer", "county", "correlationId", "payload"])
    func nullEnvelopeFieldCountsAsMissing(_ field: String) throws {
        let data = try Golden.mutated("visit.recorded") { $0[field] = NSNull() }
        #expect(error(VisitRecorded.self, data) == .missingField(field))
    }

    @Test(arguments: [
        ("childId", "payload.childId"), ("name", "payload.name"), ("gender", "payload.gender"),
        ("birthDate", "payload.birthDate"), ("schoolStage", "payload.schoolStage"),
        ("villageCode", "payload.villageCode"), ("guardian", "payload.guardian"),
        ("parents", "payload.parents"), ("familyFlags", "payload.familyFlags"),
        ("registeredOn", "payload.registeredOn"),
    ])
    func missingPayloadFieldIsNamedWithItsPath(_ key: String, _ path: String) throws {
        let data = try Golden.mutatedPayload("child.registered") { $0.removeValue(forKey: key) }
        #expect(error(ChildRegistered.self, data) == .missingField(path))
    }

    @Test func missingNestedFieldIsNamedWithItsPath() throws {
        let noRelation = try Golden.mutatedPayload("child.registered") { payload in
            var guardian = payload["guardian"] as! [String: Any]
            guardian.removeValue(forKey: "relation")
            payload["guardian"] = guardian
        }
        #expect(error(ChildRegistered.self, noRelation) == .missingField("payload.guardian.relation"))

        let noStatus = try Golden.mutatedPayload("child.registered") { payload in
            var parents = payload["parents"] as! [[String: Any]]
            parents[1].removeValue(forKey: "status")
            payload["parents"] = parents
        }
        #expect(error(ChildRegistered.self, noStatus) == .missingField("payload.parents[1].status"))

        let noScore = try Golden.mutatedPayload("assessment.recorded") { payload in
            var scores = payload["dimensionScores"] as! [String: Any]
            scores.removeValue(forKey: "studies")
            payload["dimensionScores"] = scores
        }
        #expect(error(AssessmentRecorded.self, noScore) == .missingField("payload.dimensionScores.studies"))
    }

    @Test func optionalPayloadFieldsMayBeAbsentOrNull() throws {
        let absent = try Golden.mutatedPayload("child.registered") { payload in
            payload.removeValue(forKey: "grade")
            payload.removeValue(forKey: "className")
        }
        let decoded = try codec.decode(ChildRegistered.self, from: absent)
        #expect(decoded.payload.grade == nil && decoded.payload.className == nil)

        let null = try Golden.mutatedPayload("child.registered") { $0["grade"] = NSNull() }
        #expect(try codec.decode(ChildRegistered.self, from: null).payload.grade == nil)
    }

    @Test func unknownFieldsAreIgnored() throws {
        let data = try Golden.mutated("mentor.assigned") { envelope in
            envelope["traceparent"] = "00-abc"
            var payload = envelope["payload"] as! [String: Any]
            payload["note"] = ["anything": [1, 2, 3]]
            envelope["payload"] = payload
        }
        #expect(try codec.decode(MentorAssigned.self, from: data) == Samples.mentorAssigned)
    }

    // MARK: - Wrong types and values

    @Test func wrongJSONTypeIsAnInvalidValueAtItsPath() throws {
        let versionAsText = try Golden.mutated("child.exited") { $0["version"] = "1" }
        #expect(field(of: error(ChildExited.self, versionAsText)) == "version")

        let idAsNumber = try Golden.mutated("child.exited") { $0["id"] = 7 }
        #expect(field(of: error(ChildExited.self, idAsNumber)) == "id")

        let payloadAsArray = try Golden.mutated("child.exited") { $0["payload"] = [1, 2] }
        #expect(field(of: error(ChildExited.self, payloadAsArray)) == "payload")
        #expect(field(of: headerError(payloadAsArray)) == "payload")

        let countAsText = try Golden.mutatedPayload("disbursement.approved") { $0["count"] = "142" }
        #expect(field(of: error(DisbursementApproved.self, countAsText)) == "payload.count")

        let flagAsNumber = try Golden.mutatedPayload("visit.recorded") { $0["escalated"] = 1 }
        #expect(field(of: error(VisitRecorded.self, flagAsNumber)) == "payload.escalated")

        let concernsAsText = try Golden.mutatedPayload("visit.recorded") { $0["concerns"] = "none" }
        #expect(field(of: error(VisitRecorded.self, concernsAsText)) == "payload.concerns")

        let concernAsNumber = try Golden.mutatedPayload("visit.recorded") { $0["concerns"] = ["ok", 3] }
        #expect(field(of: error(VisitRecorded.self, concernAsNumber)) == "payload.concerns[1]")
    }

    @Test(arguments: [
        ("gender", "\"other\"", "payload.gender"), ("schoolStage", "\"kindergarten\"", "payload.schoolStage"),
        ("birthDate", "\"2015-02-30\"", "payload.birthDate"), ("birthDate", "\"14/03/2015\"", "payload.birthDate"),
        ("registeredOn", "\"2026-6-18\"", "payload.registeredOn"), ("familyFlags", "[\"rich\"]", "payload.familyFlags[0]"),
        ("guardian", "{\"relation\": \"uncle\"}", "payload.guardian.relation"),
    ])
    func valueOutsideItsVocabularyIsAnInvalidValue(_ key: String, _ json: String, _ path: String) throws {
        let value = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
        let data = try Golden.mutatedPayload("child.registered") { $0[key] = value }
        #expect(field(of: error(ChildRegistered.self, data)) == path)
    }

    @Test(arguments: ["1.5", "99999999999999999999999", "-99999999999999999999999", "1e30", "1E3"])
    func numberThatIsNoWholeIntIsAnInvalidValue(_ number: String) throws {
        let envelope = String(decoding: try Golden.data("disbursement.approved"), as: UTF8.self)
        let count = envelope.replacingOccurrences(of: "\"count\": 142", with: "\"count\": \(number)")
        let total = envelope.replacingOccurrences(of: "\"totalFen\": 25000000", with: "\"totalFen\": \(number)")
        let version = envelope.replacingOccurrences(of: "\"version\": 1,", with: "\"version\": \(number),")
        #expect(count != envelope && total != envelope && version != envelope)
        if number == "1E3" {
            // 1E3 is a whole number in JSON's eyes; Foundation reads it as 1000.
            #expect(try codec.decode(DisbursementApproved.self, from: Data(count.utf8)).payload.count == 1000)
            return
        }
        #expect(field(of: error(DisbursementApproved.self, Data(count.utf8))) == "payload.count")
        #expect(field(of: error(DisbursementApproved.self, Data(total.utf8))) == "payload.totalFen")
        #expect(field(of: error(DisbursementApproved.self, Data(version.utf8))) == "version")
    }

    @Test func largestMoneyAmountSurvives() throws {
        var approved = Samples.disbursementApproved
        approved = Envelope(
            id: approved.id, occurredAt: approved.occurredAt, county: approved.county,
            payload: DisbursementApproved(batchId: Samples.batchId, period: "2026-09", count: 1, totalFen: .max))
        let decoded = try codec.decode(DisbursementApproved.self, from: codec.encode(approved))
        #expect(decoded.payload.totalFen == Int64.max)
    }

    private func field(of error: EventDecodingError?) -> String? {
        switch error {
        case .invalidValue(let field, _)?: return field
        case .missingField(let field)?: return field
        default: return nil
        }
    }

    // MARK: - Type and version

    @Test func unknownRoutingKeyIsUnknownType() throws {
        let data = try Golden.mutated("child.exited") { $0["type"] = "child.vanished" }
        #expect(error(ChildExited.self, data) == .unknownType("child.vanished"))
        #expect(try codec.header(from: data).type == "child.vanished")
        #expect(throws: EventDecodingError.unknownType("child.vanished")) { try codec.decodeAny(from: data) }
    }

    @Test func anotherKnownEventIsATypeMismatch() throws {
        let data = try Golden.data("child.registered")
        #expect(error(ChildExited.self, data) == .typeMismatch(expected: "child.exited", found: "child.registered"))
    }

    @Test func typeThatIsNoRoutingKeyIsAnInvalidValue() throws {
        for type in ["", "ChildRegistered", "child registered", "child..registered", "Child.Registered"] {
            let data = try Golden.mutated("child.registered") { $0["type"] = type }
            #expect(field(of: error(ChildRegistered.self, data)) == "type", "\(type)")
        }
    }

    @Test(arguments: [2, 3, 100])
    func unknownMajorVersionIsUnsupported(_ version: Int) throws {
        let data = try Golden.mutated("risk.escalated") { $0["version"] = version }
        #expect(error(RiskEscalated.self, data) == .unsupportedVersion(type: "risk.escalated", version: version))
        #expect(try codec.header(from: data).version == version)
    }

    @Test(arguments: [0, -1])
    func versionBelowOneIsAnInvalidValue(_ version: Int) throws {
        let data = try Golden.mutated("risk.escalated") { $0["version"] = version }
        #expect(field(of: error(RiskEscalated.self, data)) == "version")
    }

    @Test func wrongProducerIsAnInvalidValue() throws {
        let data = try Golden.mutated("child.registered") { $0["producer"] = "funding" }
        #expect(field(of: error(ChildRegistered.self, data)) == "producer")
        let unknown = try Golden.mutated("child.registered") { $0["producer"] = "payroll" }
        #expect(field(of: error(ChildRegistered.self, unknown)) == "producer")
    }

    @Test func payloadBreakingARuleIsAnInvalidPayload() throws {
        let data = try Golden.mutatedPayload("assessment.recorded") { $0["tier"] = "general" }
        guard case .invalidPayload(let inner)? = error(AssessmentRecorded.self, data) else {
            Issue.record("expected invalidPayload")
            return
        }
        #expect(inner.field == "tier")
        #expect(EventDecodingError.invalidPayload(inner).description.contains("payload.tier"))
    }

    // MARK: - Envelope field formats

    @Test(arguments: [
        ("id", "0E7C3A52-1B9D-4F6E-A8C4-2D5B7E9F1A01"), ("id", "not-a-uuid"), ("id", ""),
        ("correlationId", "5d1e9a7c2f3b4a8d9c6e0b1a2c3d4e10"), ("causationId", "x"),
        ("causationId", ""), ("county", "52033"), ("county", "5203300"), ("county", "52O330"),
        ("county", "５２０３３０"), ("occurredAt", "2026-09-15 02:05:07Z"),
        ("occurredAt", "2026-09-15T02:05:07"), ("occurredAt", "2026-09-15"),
        ("occurredAt", "2026-02-30T02:05:07Z"), ("occurredAt", "2026-09-15T24:00:00Z"),
        ("occurredAt", "1757901907"),
    ])
    func malformedEnvelopeFieldIsAnInvalidValue(_ key: String, _ value: String) throws {
        let data = try Golden.mutated("visit.recorded") { $0[key] = value }
        #expect(field(of: error(VisitRecorded.self, data)) == key)
        #expect(field(of: headerError(data)) == key)
    }

    @Test func causationIdMayBeAbsent() throws {
        let data = try Golden.mutated("visit.recorded") { $0.removeValue(forKey: "causationId") }
        #expect(try codec.decode(VisitRecorded.self, from: data) == Samples.visitRecorded)
    }

    @Test func nullCausationIdRoundTrips() throws {
        let envelope = Samples.visitRecorded
        #expect(envelope.causationId == nil)
        let data = try codec.encode(envelope)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object.keys.contains("causationId"))
        #expect(object["causationId"] is NSNull)
        #expect(String(decoding: data, as: UTF8.self).contains("\"causationId\":null"))
        #expect(try codec.decode(VisitRecorded.self, from: data).causationId == nil)
    }

    @Test func causationIdRoundTrips() throws {
        let envelope = Samples.reassessmentDue
        let decoded = try codec.decode(ReassessmentDue.self, from: codec.encode(envelope))
        #expect(decoded.causationId == Samples.envelopeId(10))
        #expect(decoded == envelope)
    }

    // MARK: - occurredAt

    @Test(arguments: [
        ("2026-06-20T08:30:00Z", 0), ("2026-06-20T08:30:00.000Z", 0), ("2026-06-20T16:30:00+08:00", 0),
        ("2026-06-20T16:30:00.000+08:00", 0), ("2026-06-20T03:00:00-05:30", 0),
        ("2026-06-20t08:30:00z", 0), ("2026-06-20T08:30:00.123Z", 123), ("2026-06-20T08:30:00.1Z", 100),
        ("2026-06-20T16:30:00.123+08:00", 123), ("2026-06-20T08:30:00.123456789Z", 123),
        ("2026-06-20T08:30:00.1235Z", 124),
    ])
    func occurredAtIsReadInEveryRFC3339Form(_ text: String, _ milliseconds: Int) throws {
        let data = try Golden.mutated("child.registered") { $0["occurredAt"] = text }
        let decoded = try codec.decode(ChildRegistered.self, from: data)
        let expected = RFC3339.wirePrecision(Samples.instant(2026, 6, 20, 8, 30, 0, milliseconds: milliseconds))
        #expect(decoded.occurredAt == expected)
    }

    @Test func occurredAtIsWrittenInUTCWithMillisecondsOnlyWhenThereAreSome() throws {
        func written(_ date: Date) throws -> String? {
            let envelope = Envelope(
                id: Samples.envelopeId(1), occurredAt: date, county: Samples.county,
                payload: Samples.childExited.payload)
            let object = try JSONSerialization.jsonObject(with: codec.encode(envelope)) as? [String: Any]
            return object?["occurredAt"] as? String
        }
        #expect(try written(Samples.instant(2026, 6, 20, 8, 30, 0)) == "2026-06-20T08:30:00Z")
        #expect(try written(Samples.instant(2026, 6, 20, 8, 30, 0, milliseconds: 123)) == "2026-06-20T08:30:00.123Z")
        #expect(try written(Samples.instant(2026, 6, 20, 8, 30, 0, milliseconds: 5)) == "2026-06-20T08:30:00.005Z")
        #expect(
            try written(Samples.instant(2026, 6, 20, 8, 30, 0).addingTimeInterval(0.000_4))
                == "2026-06-20T08:30:00Z")
    }

    @Test func everyInstantRoundTripsExactly() throws {
        var generator = SeededRandom(seed: 42)
        for _ in 0..<500 {
            let seconds = Double.random(in: 1_600_000_000...1_900_000_000, using: &generator)
            let envelope = Envelope(
                occurredAt: Date(timeIntervalSince1970: seconds), county: Samples.county,
                payload: Samples.childExited.payload)
            let decoded = try codec.decode(ChildExited.self, from: codec.encode(envelope))
            #expect(decoded == envelope)
        }
    }
}
