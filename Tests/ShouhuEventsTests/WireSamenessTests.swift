import Foundation
import Testing

@testable import ShouhuEvents

/// The events' own writers and readers (`WireEncodable`, `WireDecodable`) must be invisible:
/// Foundation's bytes or a decline when writing; Foundation's value or a decline when reading;
/// and the codec's every answer, value or error, the one it gave through the Codable readers.
@Suite struct WireSamenessTests {
    @Test(arguments: WireKind.all)
    func writersGiveFoundationsBytes(_ kind: WireKind) throws {
        try kind.writers()
    }

    @Test(arguments: WireKind.all)
    func readersGiveFoundationsValues(_ kind: WireKind) throws {
        try kind.readers()
    }

    @Test(arguments: WireKind.all)
    func readersReadOtherWritingsAsFoundationDoes(_ kind: WireKind) throws {
        try kind.rewritten()
    }

    @Test(arguments: Samples.all)
    func goldenFilesTakeTheFastPathBothWays(_ sample: Sample) throws {
        let golden = try Golden.data(sample.routingKey)
        func check<E: Event>(_ type: E.Type) throws {
            let reference = try JSONDecoder().decode(Envelope<E>.self, from: golden)
            #expect(E._wireEnvelope(from: golden) == reference)
            #expect(WireEnvelope.header(from: golden) == reference.header)
            #expect(E._wireBody(of: reference) == (try WireChecks.foundationBytes(reference)))
        }
        let type = try #require(EventCatalog.type(forRoutingKey: sample.routingKey))
        try check(type)
    }

    /// Bodies past the scanner's room on the stack are read from the heap; past its limit of
    /// tokens, they are left to Foundation, which the codec then asks.
    @Test(arguments: [10, 300, 5_000, 70_000])
    func largeBodiesAreReadOrLeftToFoundation(_ count: Int) throws {
        var payload = Samples.visitRecorded.payload
        payload.concerns = (0..<count).map { "作业/考试 \($0)" }
        let envelope = Envelope(county: Samples.county, payload: payload)
        let body = try WireChecks.foundationBytes(envelope)
        #expect(VisitRecorded._wireBody(of: envelope) == body)
        let fast = VisitRecorded._wireEnvelope(from: body)
        if count < 65_000 {
            #expect(fast == envelope)
        } else {
            #expect(fast == nil)
        }
        #expect(try EventCodec().decode(VisitRecorded.self, from: body) == envelope)
    }

    /// An event that does not write and read itself (a future one, say) still goes through the
    /// codec, by the Codable path.
    @Test func eventsWithoutTheirOwnWriterTakeTheCodablePath() throws {
        let envelope = Envelope(county: Samples.county, payload: PlainEvent(childId: Samples.childId, note: "作业/考试\n"))
        #expect(PlainEvent._wireBody(of: envelope) == nil)
        let body = try EventCodec().encode(envelope)
        #expect(body == (try WireChecks.foundationBytes(envelope)))
        #expect(PlainEvent._wireEnvelope(from: body) == nil)
        #expect(try EventCodec().decode(PlainEvent.self, from: body) == envelope)
        WireChecks.expectSameAnswers(PlainEvent.self, body, "plain")
        WireChecks.expectSameAnswers(PlainEvent.self, Data(String(decoding: body, as: UTF8.self).dropLast().utf8), "cut")
    }

    /// An event with only `Codable`.
    struct PlainEvent: Event {
        static let routingKey = "test.plain"
        static let producer = ServiceName.intake
        static let consumers: Set<ServiceName> = []
        static let version = 1
        var childId: String
        var note: String?

        func validate() throws(EventValidationError) {
            try Check.uuid(childId, "childId")
        }
    }

    // MARK: - Bodies the codec must refuse as before

    /// Values put in place of each member of the envelope and of its payload (and of the
    /// objects and arrays inside it), one at a time: wrong types, unknown enum values, numbers
    /// that are not whole or do not fit, extra nesting.
    static var replacements: [Any] { [
        NSNull(), 1.5, 1e30, -0.0, Int64.max, Int64.min, -1, 0, "zzz_unknown", "", "1", true, [Any](),
        [String: Any](), [[[Any]()]], ["a": ["b": [1]]], "2026-13-01", "520330104201x",
    ] }

    @Test(arguments: Samples.all)
    func brokenMembersFailAsBefore(_ sample: Sample) throws {
        let original = try Golden.object(sample.routingKey)
        let type = try #require(EventCatalog.type(forRoutingKey: sample.routingKey))
        for path in Self.memberPaths(original) {
            var removed = original
            Self.set(&removed, path, nil)
            Self.expectSameAnswers(type, try JSONSerialization.data(withJSONObject: removed), "without \(path)")
            for replacement in Self.replacements {
                var broken = original
                Self.set(&broken, path, replacement)
                Self.expectSameAnswers(
                    type, try JSONSerialization.data(withJSONObject: broken), "\(path) = \(replacement)")
            }
        }
    }

    /// Damage only text can do: keys twice, garbage around the object, a byte-order mark, cuts,
    /// raw control characters and bad UTF-8 in strings, escapes that are no character.
    @Test(arguments: Samples.all)
    func brokenTextFailsAsBefore(_ sample: Sample) throws {
        let type = try #require(EventCatalog.type(forRoutingKey: sample.routingKey))
        let body = String(decoding: try sample.encode(), as: UTF8.self)
        let bodies: [String] = [
            body.replacingOccurrences(of: "{\"causationId\"", with: "{\"id\":\"\(Samples.envelopeId(9))\",\"causationId\""),
            body.replacingOccurrences(of: "\"payload\":{", with: "\"payload\":{\"zz\":1,\"zz\":2,"),
            body.replacingOccurrences(of: "\"payload\":{", with: "\"payload\":{\"version\":1,\"version\":1,"),
            body + " x", body + "}", body + ",", body + "{}", "x" + body, "[" + body + "]",
            body.replacingOccurrences(of: "\"county\"", with: "\"co\\u0075nty\""),
            body.replacingOccurrences(of: "\"payload\"", with: "\"payl\\u006fad\""),
            body.replacingOccurrences(of: "\"520330\"", with: "\"52\\u00330\""),
            body.replacingOccurrences(of: "\"520330\"", with: "\"520330\t\""),
            body.replacingOccurrences(of: "\"520330\"", with: "\"520330\\ud800\""),
            body.replacingOccurrences(of: "\"520330\"", with: "\"520330\\udc00\\ud800\""),
            body.replacingOccurrences(of: "\"520330\"", with: "\"520330\\x\""),
            body.replacingOccurrences(of: ":", with: " : "),
            body.replacingOccurrences(of: ",", with: ",,"),
            body.replacingOccurrences(of: "}", with: ",}"),
            body.replacingOccurrences(of: "\"version\":1", with: "\"version\":01"),
            body.replacingOccurrences(of: "\"version\":1", with: "\"version\":1.0"),
            body.replacingOccurrences(of: "\"version\":1", with: "\"version\":1e0"),
            body.replacingOccurrences(of: "\"version\":1", with: "\"version\":-0"),
            body.replacingOccurrences(of: "\"version\":1", with: "\"version\":99999999999999999999"),
            body.replacingOccurrences(of: "\"version\":1", with: "\"version\":18446744073709551616"),
            body.replacingOccurrences(of: "\"version\":1", with: "\"version\":2"),
            body.replacingOccurrences(of: "\"version\":1", with: "\"version\":true"),
        ]
        for text in bodies {
            Self.expectSameAnswers(type, Data(text.utf8), "")
        }
        let bytes = Array(body.utf8)
        for cut in stride(from: 0, to: bytes.count, by: 7) {
            Self.expectSameAnswers(type, Data(bytes[..<cut]), "cut at \(cut)")
        }
        let quote = try #require(bytes.firstIndex(of: UInt8(ascii: "\"")))
        for bad: [UInt8] in [[0xEF, 0xBB, 0xBF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE4, 0xB8], [0xFF]] {
            Self.expectSameAnswers(type, Data(bad + bytes), "prefix \(bad)")
            var inside = bytes
            inside.insert(contentsOf: bad, at: bytes.lastIndex(of: UInt8(ascii: "\""))!)
            Self.expectSameAnswers(type, Data(inside), "inside \(bad)")
            var inKey = bytes
            inKey.insert(contentsOf: bad, at: quote + 1)
            Self.expectSameAnswers(type, Data(inKey), "in a key \(bad)")
        }
    }

    /// Random damage, as the robustness tests do it: the codec answers as before, every time.
    @Test(arguments: Samples.all)
    func randomDamageFailsAsBefore(_ sample: Sample) throws {
        let type = try #require(EventCatalog.type(forRoutingKey: sample.routingKey))
        let data = try sample.encode()
        var generator = SeededRandom(seed: UInt64(sample.routingKey.utf8.count) &* 15_485_863)
        let alphabet: [UInt8] = Array("{}[]\":,0123456789-+.eE \\/unlltruefalse".utf8) + [0x00, 0x1F, 0x7F, 0xFF, 0xC3, 0xA9, 0xE2, 0x80]
        for _ in 0..<500 {
            Self.expectSameAnswers(type, Damage.apply(to: data, edits: 3, alphabet: alphabet, using: &generator), "damaged")
        }
    }

    @Test func concreteErrorsAreStillFoundations() throws {
        let body = String(decoding: try EventCodec().encode(Samples.childExited), as: UTF8.self)
        func error(_ text: String) -> EventDecodingError? {
            do throws(EventDecodingError) {
                _ = try EventCodec().decode(ChildExited.self, from: Data(text.utf8))
                return nil
            } catch {
                return error
            }
        }
        #expect(error(body + " x") == .notJSON)
        guard case .invalidValue(let field, _)? = error(body.replacingOccurrences(of: "\"on\":", with: "\"on\":1,\"x\":"))
        else {
            Issue.record("a number for a date is not an invalid value")
            return
        }
        #expect(field == "payload.on")
        #expect(error(body.replacingOccurrences(of: "parent_returned", with: "zzz")) != nil)
        #expect(error(body.replacingOccurrences(of: "\"childId\":", with: "\"childIdX\":")) == .missingField("payload.childId"))
        guard case .invalidValue(let version, _)? = error(body.replacingOccurrences(of: "\"version\":1", with: "\"version\":1.5"))
        else {
            Issue.record("a fraction for the version is not an invalid value")
            return
        }
        #expect(version == "version")
    }

    // MARK: - The scanner on its own

    @Test(arguments: [
        #"{"a":1,"a":2}"#, #"{"b":1,"a":2,"b":3}"#, #"{"a":{"x":1,"x":1}}"#, #"{"é":1}"#, #"{"\u0061":1}"#,
        #"{"a":"\ud800"}"#, #"{"a":"\udc00"}"#, #"{"a":"\ud800\u0041"}"#, #"{"a":"\x"}"#, "{\"a\":\"\t\"}",
        #"{"a":1,}"#, #"[1,]"#, #"[,1]"#, #"{"a" 1}"#, #"{"a":1 "b":2}"#, #"[1 2]"#, "", " ", "[", "\"a",
        #"{"a":01}"#, #"{"a":-0}"#, #"{"a":1.5}"#, #"{"a":1e5}"#, #"{"a":+1}"#, #"{"a":123456789012345678901}"#,
        "{\"a\":tru}", "{\"a\":nul}", "[1]x", String(repeating: "[", count: 65) + String(repeating: "]", count: 65),
    ])
    func scannerDeclinesWhatItLeavesToFoundation(_ text: String) {
        #expect(Self.scan(Data(text.utf8)) == nil, "\(text)")
    }

    @Test func scannerDeclinesMalformedUTF8() {
        for bad: [UInt8] in [[0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF0, 0x80, 0x80, 0x80],
                             [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0x80], [0xBF], [0xE4, 0xB8], [0xFE], [0xFF]]
        {
            #expect(Self.scan(Data([0x22] + bad + [0x22])) == nil, "\(bad)")
            #expect(Self.scan(Data(Array("[\"abcdefghijklmnop".utf8) + bad + Array("qrstuvwxyz\"]".utf8))) == nil, "\(bad)")
        }
    }

    @Test func scannerReadsWhatFoundationReads() throws {
        let texts = [
            #"{"a":"\u00e9\/\"\\\n\t\b\f\r","b":"\ud83d\ude00 \u4e2d","c":"中文 and 👧🏽 é"}"#,
            #"{"z":1,"a":[true,false,null,-42,0,9223372036854775807,-9223372036854775808],"m":{}}"#,
            " \t\r\n{ \"k\" : [ ] , \"j\" : { \"x\" : \"y\" } }\n",
            String(repeating: "[", count: 63) + String(repeating: "]", count: 63),
            "{\"long\":\"" + String(repeating: "abcdefgh", count: 20) + "é" + String(repeating: "\\\"", count: 9) + "\"}",
        ]
        for text in texts {
            let data = Data(text.utf8)
            let tree = try #require(Self.scan(data), "\(text)")
            let reference = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            #expect(Self.same(tree, reference), "\(text)")
        }
    }

    // MARK: - Helpers

    static func expectSameAnswers(
        _ type: any Event.Type, _ body: Data, _ what: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        func open<E: Event>(_ type: E.Type) {
            WireChecks.expectSameAnswers(E.self, body, what, sourceLocation: sourceLocation)
        }
        open(type)
    }

    /// The scanner's tree of a body, or nil when it declines.
    static func scan(_ data: Data) -> WireValue? {
        data.withUnsafeBytes { raw in try? WireJSONParser.parse(raw) }
    }

    /// Whether a scanned tree holds what `JSONSerialization` read.
    static func same(_ tree: WireValue, _ reference: Any) -> Bool {
        switch tree {
        case .null: return reference is NSNull
        case .bool(let flag): return (reference as? Bool) == flag
        case .number(let text): return (reference as? NSNumber)?.int64Value == Int64(text)
        case .string(let text): return (reference as? String) == text
        case .array(let items):
            guard let array = reference as? [Any], array.count == items.count else { return false }
            return zip(items, array).allSatisfy { same($0, $1) }
        case .object(let members):
            guard let object = reference as? [String: Any], object.count == members.count else { return false }
            return members.allSatisfy { member in object[member.key].map { same(member.value, $0) } ?? false }
        }
    }

    /// One step into a JSON value.
    enum Step: CustomStringConvertible {
        case key(String)
        case index(Int)

        var description: String {
            switch self {
            case .key(let key): return "." + key
            case .index(let index): return "[\(index)]"
            }
        }
    }

    /// Every member of the envelope, of its payload and of the objects and arrays inside it.
    static func memberPaths(_ value: Any, prefix: [Step] = []) -> [[Step]] {
        var paths: [[Step]] = []
        if let object = value as? [String: Any] {
            for (key, member) in object.sorted(by: { $0.key < $1.key }) {
                paths.append(prefix + [.key(key)])
                paths += memberPaths(member, prefix: prefix + [.key(key)])
            }
        } else if let array = value as? [Any] {
            for (index, item) in array.enumerated() {
                paths.append(prefix + [.index(index)])
                paths += memberPaths(item, prefix: prefix + [.index(index)])
            }
        }
        return paths
    }

    /// Sets (or, with nil, removes) the value at a path.
    static func set(_ root: inout [String: Any], _ path: [Step], _ value: Any?) {
        func update(_ current: Any, _ rest: ArraySlice<Step>) -> Any? {
            guard let step = rest.first else { return value }
            switch step {
            case .key(let key):
                var object = current as! [String: Any]
                object[key] = update(object[key] as Any, rest.dropFirst())
                return object
            case .index(let index):
                var array = current as! [Any]
                if let updated = update(array[index], rest.dropFirst()) {
                    array[index] = updated
                } else {
                    array.remove(at: index)
                }
                return array
            }
        }
        root = update(root, path[...]) as! [String: Any]
    }
}
