import Foundation
import Testing

@testable import ShouhuEvents

/// The codec's fast writer and reader must be invisible: the same bytes as Foundation's
/// `JSONEncoder`, and never a value Foundation's `JSONDecoder` would not give.
@Suite struct WireCodecTests {
    /// Foundation's encoder as the codec configures it: the reference for every byte.
    private func foundationBytes<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// Every golden file takes the fast path both ways and matches Foundation exactly.
    @Test(arguments: Samples.all)
    func everySampleTakesTheFastPathAndMatchesFoundation(_ sample: Sample) throws {
        let type = try #require(EventCatalog.type(forRoutingKey: sample.routingKey))
        try checkFastPath(type, golden: Golden.data(sample.routingKey))
    }

    private func checkFastPath<E: Event>(_ type: E.Type, golden: Data) throws {
        let envelope = try JSONDecoder().decode(Envelope<E>.self, from: golden)
        let fast = try #require(try WireJSONEncoder().encode(envelope), "fast writer declined \(E.routingKey)")
        #expect(fast == (try foundationBytes(envelope)), "\(E.routingKey)")
        #expect(try WireJSONEncoder().encode(envelope: envelope) == fast)
        #expect(try EventCodec().encode(envelope) == fast)
        let read = try WireJSONDecoder().decode(Envelope<E>.self, from: golden)
        #expect(read == envelope)
        // The header reader the consumer uses for routing and deduplication.
        #expect(try EventCodec().header(from: fast) == envelope.header)
    }

    /// Notes with every character the writer treats specially: where it writes them itself the
    /// bytes are Foundation's, where it declines the codec still gives Foundation's bytes.
    @Test(arguments: [
        "plain", "quote \" and backslash \\", "slash / and 作业/考试", "lines\nand\r\nand\ttabs",
        "emoji 👧🏽 and é (e\u{301})", "bell \u{7}", "nul \u{0}", "del \u{7F}", "separator \u{2028}",
        "paragraph \u{2029}", "form feed \u{C} and backspace \u{8}", "ends with 中",
    ])
    func specialCharactersMatchFoundation(_ note: String) throws {
        let envelope = Envelope(
            county: "520330",
            payload: ChildExited(childId: "3f2b8c1e-9d4a-4c7b-8e21-5a6f7b8c9d01", reason: .other,
                                 on: CalendarDate("2026-11-20")!, note: note))
        let reference = try foundationBytes(envelope)
        if let fast = try WireJSONEncoder().encode(envelope) { #expect(fast == reference) }
        if let fast = try WireJSONEncoder().encode(envelope: envelope) { #expect(fast == reference) }
        // Control characters break the note's rule, so the codec never writes them.
        guard (try? envelope.validate()) != nil else { return }
        let body = try EventCodec().encode(envelope)
        #expect(body == reference)
        #expect(try EventCodec().decode(ChildExited.self, from: body) == envelope)
        #expect(try WireJSONDecoder().decode(Envelope<ChildExited>.self, from: body) == envelope)
    }

    @Test func escapesAreReadAsFoundationReadsThem() throws {
        let golden = try Golden.data(ChildExited.routingKey)
        var object = try #require(try JSONSerialization.jsonObject(with: golden) as? [String: Any])
        var payload = try #require(object["payload"] as? [String: Any])
        payload["note"] = "x"
        object["payload"] = payload
        let text = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        for escaped in [#"\u00e9\/\"\\\n\t"#, #"\ud83d\ude00 \u4e2d"#, #"\b\f\r"#] {
            let body = Data(text.replacingOccurrences(of: #""note":"x""#, with: #""note":"\#(escaped)""#).utf8)
            let expected = try JSONDecoder().decode(Envelope<ChildExited>.self, from: body)
            #expect(try WireJSONDecoder().decode(Envelope<ChildExited>.self, from: body) == expected)
        }
        // A lone surrogate is left to Foundation.
        let lone = Data(text.replacingOccurrences(of: #""note":"x""#, with: #""note":"\ud83d""#).utf8)
        #expect(throws: (any Error).self) { try WireJSONDecoder().decode(Envelope<ChildExited>.self, from: lone) }
    }

    /// Damaged bodies: whenever the fast reader accepts one, Foundation accepts it too and reads
    /// the same value; and the codec's verdict never changes.
    @Test(arguments: Samples.all)
    func fastReaderNeverAcceptsWhatFoundationRefuses(_ sample: Sample) throws {
        let data = try Golden.data(sample.routingKey)
        var generator = SeededRandom(seed: UInt64(sample.routingKey.utf8.count) &* 104_729)
        let interesting: [UInt8] = Array("{}[]\":,0123456789-+.eE \\/unlltruefalse".utf8) + [0x00, 0x1F, 0xFF, 0xC3, 0x80]
        for _ in 0..<600 {
            let body = Damage.apply(to: data, edits: 3, alphabet: interesting, using: &generator)
            if let verdict = sample.compareReaders(body) {
                #expect(verdict.foundationAccepts, "fast reader accepted what Foundation refuses: \(String(decoding: body, as: UTF8.self))")
                #expect(verdict.same || !verdict.foundationAccepts)
            }
        }
    }

    @Test func numbersOutsidePlainWholeFormAreLeftToFoundation() throws {
        for text in ["1.0", "1e2", "-0", "01", "99999999999999999999999", "+1"] {
            let body = Data("{\"n\":\(text)}".utf8)
            #expect(throws: (any Error).self) { try WireJSONDecoder().decode([String: Int].self, from: body) }
        }
        #expect(try WireJSONDecoder().decode([String: Int].self, from: Data("{\"n\":-42}".utf8)) == ["n": -42])
    }

    @Test func duplicateKeysTrailingCommasAndDeepNestingAreLeftToFoundation() {
        for text in [#"{"a":1,"a":2}"#, #"{"a":1,}"#, #"[1,]"#, String(repeating: "[", count: 70) + String(repeating: "]", count: 70)] {
            #expect(throws: (any Error).self) { try WireJSONParser.parseForTest(Data(text.utf8)) }
        }
    }
}

extension WireJSONParser {
    static func parseForTest(_ data: Data) throws {
        _ = try data.withUnsafeBytes { raw throws(WireUnsupported) in try WireJSONParser.parse(raw) }
    }
}

extension Sample {
    /// What the two readers make of a body: nil when the fast reader declined it; otherwise
    /// whether Foundation's reader accepted it too and read the same value.
    func compareReaders(_ body: Data) -> (foundationAccepts: Bool, same: Bool)? {
        guard let type = EventCatalog.type(forRoutingKey: routingKey) else { return nil }
        func open<E: Event>(_ type: E.Type) -> (foundationAccepts: Bool, same: Bool)? {
            guard let fast = try? WireJSONDecoder().decode(Envelope<E>.self, from: body) else { return nil }
            guard let reference = try? JSONDecoder().decode(Envelope<E>.self, from: body) else { return (false, false) }
            return (true, fast == reference)
        }
        return open(type)
    }
}
