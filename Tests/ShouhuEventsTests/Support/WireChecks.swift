import Foundation
import Testing

@testable import ShouhuEvents

/// The comparisons behind `WireSamenessTests`: the events' own writers and readers against
/// Foundation's `JSONEncoder` and `JSONDecoder`, and the codec with them against the codec
/// through the Codable readers alone (as it read before them).
enum WireChecks {
    /// Foundation's encoder as the codec configures it: the reference for every byte.
    static func foundationBytes<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// Whether a text holds what the writers leave to Foundation (control characters other than
    /// line feed, carriage return and tab; DEL; U+2028 and U+2029).
    static func needsFoundation(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            (scalar.value < 0x20 && !["\n", "\r", "\t"].contains(scalar)) || scalar.value == 0x7F
                || scalar == "\u{2028}" || scalar == "\u{2029}"
        }
    }

    /// Whether variant `index` may be declined by the writers.
    static func mayDecline(_ index: Int) -> Bool {
        needsFoundation(WireVariants.text(index).text)
    }

    /// Every variant: the writers give Foundation's bytes (or decline, only where allowed), and so
    /// does the codec for every variant that passes `validate()`.
    static func writers<E: Event>(_ make: (Int) -> Envelope<E>) throws {
        for index in 0..<WireVariants.count {
            let envelope = make(index)
            let reference = try foundationBytes(envelope)
            let fast = E._wireBody(of: envelope)
            if fast == nil {
                #expect(mayDecline(index), "\(E.routingKey) variant \(index) declined")
            } else {
                #expect(fast == reference, "\(E.routingKey) variant \(index):\n\(text(fast))\n\(text(reference))")
            }
            if let codable = try WireJSONEncoder().encode(envelope: envelope) {
                #expect(codable == reference, "\(E.routingKey) variant \(index), Codable writer")
            }
            if (try? envelope.validate()) != nil {
                #expect(try EventCodec().encode(envelope) == reference, "\(E.routingKey) variant \(index), codec")
            }
        }
    }

    /// Every variant as Foundation writes it: the readers take the fast path and read what
    /// `JSONDecoder` reads; the codec answers as the Codable readers do, value or error.
    static func readers<E: Event>(_ make: (Int) -> Envelope<E>) throws {
        for index in 0..<WireVariants.count {
            let body = try foundationBytes(make(index))
            let reference = try JSONDecoder().decode(Envelope<E>.self, from: body)
            let fast = E._wireEnvelope(from: body)
            #expect(fast != nil, "\(E.routingKey) variant \(index) declined: \(text(body))")
            if let fast { #expect(fast == reference, "\(E.routingKey) variant \(index)") }
            #expect(WireEnvelope.header(from: body) == reference.header, "\(E.routingKey) variant \(index), header")
            expectSameAnswers(E.self, body, "variant \(index)")
        }
    }

    /// Bodies Foundation reads that Shouhu does not write: keys out of order and slashes escaped
    /// (`JSONSerialization`), indentation, absent optionals instead of `null`, members the event
    /// does not know, every non-ASCII character as a `\u` escape. The readers read them as
    /// `JSONDecoder` does.
    static func rewritten<E: Event>(_ make: (Int) -> Envelope<E>) throws {
        for index in 0..<WireVariants.count {
            let body = try foundationBytes(make(index))
            for (name, rewritten) in try rewrites(of: body) {
                let reference = try JSONDecoder().decode(Envelope<E>.self, from: rewritten)
                let fast = E._wireEnvelope(from: rewritten)
                #expect(fast != nil, "\(E.routingKey) variant \(index), \(name): declined \(text(rewritten))")
                if let fast { #expect(fast == reference, "\(E.routingKey) variant \(index), \(name)") }
                expectSameAnswers(E.self, rewritten, "variant \(index), \(name)")
            }
        }
    }

    /// The same body written other ways Foundation reads alike.
    static func rewrites(of body: Data) throws -> [(String, Data)] {
        let object = try JSONSerialization.jsonObject(with: body) as! [String: Any]
        var extra = object
        extra["traceparent"] = ["z": [1, ["deep": NSNull()], "x"], "a": true]
        var payload = extra["payload"] as! [String: Any]
        payload["aNewField"] = [["v": 2], [], -7, false]
        extra["payload"] = payload
        return [
            ("JSONSerialization", try JSONSerialization.data(withJSONObject: object)),
            ("pretty", try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted])),
            ("absent optionals", try JSONSerialization.data(withJSONObject: withoutNulls(object))),
            ("unknown members", try JSONSerialization.data(withJSONObject: extra, options: [.sortedKeys])),
            ("\\u escapes", escapingNonASCII(body)),
        ]
    }

    /// An object with its `null` members left out, at every level.
    static func withoutNulls(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            return object.filter { !($0.value is NSNull) }.mapValues(withoutNulls)
        }
        if let array = value as? [Any] { return array.map(withoutNulls) }
        return value
    }

    /// The JSON text with every character outside ASCII written as `\u` escapes (surrogate pairs
    /// above the BMP); such characters only stand inside strings.
    static func escapingNonASCII(_ body: Data) -> Data {
        var text = ""
        for scalar in String(decoding: body, as: UTF8.self).unicodeScalars {
            if scalar.isASCII {
                text.unicodeScalars.append(scalar)
            } else {
                for unit in String(scalar).utf16 { text += String(format: "\\u%04x", unit) }
            }
        }
        return Data(text.utf8)
    }

    /// `EventCodec.decode` and `header` answer as the Codable readers alone do: the same value
    /// or the same error.
    static func expectSameAnswers<E: Event>(
        _ type: E.Type, _ body: Data, _ what: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let codec = EventCodec()
        let decoded = Result { () throws(EventDecodingError) in try codec.decode(E.self, from: body) }
        let before = Result { () throws(EventDecodingError) in try codec.codableDecode(E.self, from: body) }
        #expect(decoded == before, "\(E.routingKey) \(what): \(text(body))", sourceLocation: sourceLocation)
        let header = Result { () throws(EventDecodingError) in try codec.header(from: body) }
        let headerBefore = Result { () throws(EventDecodingError) in try codec.codableHeader(from: body) }
        #expect(header == headerBefore, "\(E.routingKey) \(what), header: \(text(body))", sourceLocation: sourceLocation)
    }

    static func text(_ data: Data?) -> String {
        data.map { String(decoding: $0, as: UTF8.self) } ?? "nil"
    }
}

/// One event type with its variants, for parameterised tests.
struct WireKind: Sendable, CustomTestStringConvertible {
    let testDescription: String
    let writers: @Sendable () throws -> Void
    let readers: @Sendable () throws -> Void
    let rewritten: @Sendable () throws -> Void

    init<E: Event>(_ make: @escaping @Sendable (Int) -> Envelope<E>) {
        testDescription = E.routingKey
        writers = { try WireChecks.writers(make) }
        readers = { try WireChecks.readers(make) }
        rewritten = { try WireChecks.rewritten(make) }
    }

    /// Every event of the catalog.
    static let all: [WireKind] = [
        WireKind(WireVariants.childRegistered), WireKind(WireVariants.childUpdated), WireKind(WireVariants.childExited),
        WireKind(WireVariants.assessmentRecorded), WireKind(WireVariants.riskEscalated),
        WireKind(WireVariants.reassessmentDue), WireKind(WireVariants.mentorRegistered),
        WireKind(WireVariants.mentorAssigned), WireKind(WireVariants.mentorUnassigned),
        WireKind(WireVariants.visitRecorded), WireKind(WireVariants.visitOverdue),
        WireKind(WireVariants.disbursementApproved), WireKind(WireVariants.disbursementSettled),
    ]
}
