import Foundation
import ShouhuEvents
import Testing

/// A consumer never crashes on a body (docs/contract.md): every one of these must come back as a
/// value or an `EventDecodingError`, whatever was done to the bytes.
@Suite struct RobustnessTests {
    @Test(arguments: Samples.all)
    func everyTruncationIsRejected(_ sample: Sample) throws {
        let data = try Golden.data(sample.routingKey)
        for length in 0..<data.count {
            let cut = data.prefix(length)
            // Cutting trailing whitespace or the final newline still leaves a whole object.
            let stillWhole = String(decoding: data[length...], as: UTF8.self)
                .allSatisfy { $0.isWhitespace }
            let error = sample.decode(cut)
            if !stillWhole { #expect(error != nil, "accepted \(length) of \(data.count) bytes") }
            _ = try? EventCodec().header(from: cut)
        }
    }

    @Test(arguments: Samples.all)
    func randomByteDamageNeverCrashes(_ sample: Sample) throws {
        let data = try Golden.data(sample.routingKey)
        var generator = SeededRandom(seed: UInt64(sample.routingKey.utf8.count) &* 7919)
        let interesting: [UInt8] = Array("{}[]\":,0123456789-+.eE \\nulltruefalse".utf8) + [0x00, 0xFF, 0xC3, 0x80]
        for _ in 0..<400 {
            let bytes = Damage.apply(to: data, edits: 4, alphabet: interesting, using: &generator)
            _ = sample.decode(bytes)
            _ = try? EventCodec().decodeAny(from: bytes)
        }
    }

    /// Replaces each value in the payload, one at a time, with each of a set of wrong values.
    @Test(arguments: Samples.all)
    func everyPayloadValueReplacedByGarbageNeverCrashes(_ sample: Sample) throws {
        let replacements: [Any] = [
            NSNull(), 0, -1, 1.5, 1e300, Int64.max, "", "x", "1", true, false, [Any](), [String: Any](),
            [NSNull()], ["a": ["b": ["c": [1, [2, [3]]]]]], String(repeating: "长", count: 10_000),
        ]
        let original = try Golden.object(sample.routingKey)
        for path in leafPaths(original["payload"]!, prefix: [.key("payload")]) {
            for replacement in replacements {
                var object = original
                set(&object, path, replacement)
                let data = try JSONSerialization.data(withJSONObject: object)
                let error = sample.decode(data)
                // When the error names a field, it lies on the path that was broken (or is a rule
                // between fields of the payload).
                if case .missingField(let field)? = error {
                    #expect(field.hasPrefix("payload"), "\(field)")
                }
            }
        }
    }

    @Test func deeplyNestedGarbageIsRejected() {
        for depth in [100, 1_000, 100_000] {
            let arrays = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            let objects = String(repeating: "{\"a\":", count: depth) + "1" + String(repeating: "}", count: depth)
            for inner in [arrays, objects] {
                for body in [inner, "{\"payload\":\(inner)}", "{\"id\":\(inner)}"] {
                    #expect(throws: EventDecodingError.self) {
                        try EventCodec().decode(ChildRegistered.self, from: Data(body.utf8))
                    }
                    #expect(throws: EventDecodingError.self) { try EventCodec().header(from: Data(body.utf8)) }
                }
            }
        }
    }

    @Test func nestedGarbageInsideAValidEnvelopeIsIgnoredOrRejected() throws {
        let garbage = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        let text = String(decoding: try Golden.data("mentor.assigned"), as: UTF8.self)
            .replacingOccurrences(of: "\"pairing\": \"two_on_one\"", with: "\"pairing\": \"two_on_one\", \"x\": \(garbage)")
        #expect(try EventCodec().decode(MentorAssigned.self, from: Data(text.utf8)) == Samples.mentorAssigned)
        let asValue = text.replacingOccurrences(of: "\"role\": \"cadre\"", with: "\"role\": \(garbage)")
        #expect(throws: EventDecodingError.self) { try EventCodec().decode(MentorAssigned.self, from: Data(asValue.utf8)) }
    }

    @Test func hugeNumbersAreRejected() {
        for number in ["1e400", "-1e400", String(repeating: "9", count: 5_000), "0.\(String(repeating: "0", count: 5_000))1"] {
            let text = "{\"id\":\"0e7c3a52-1b9d-4f6e-a8c4-2d5b7e9f1a01\",\"type\":\"child.exited\",\"version\":\(number)}"
            #expect(throws: EventDecodingError.self) { try EventCodec().decode(ChildExited.self, from: Data(text.utf8)) }
        }
    }

    @Test func hugeBodyIsHandled() throws {
        var payload = Samples.visitRecorded.payload
        payload.concerns = Array(repeating: "x", count: 100_000)
        let encoder = JSONEncoder()
        let data = try encoder.encode(Envelope(county: "520330", payload: payload))
        #expect(throws: Never.self) { try EventCodec().decode(VisitRecorded.self, from: data) }
    }

    // MARK: - Helpers

    private enum Step { case key(String), index(Int) }

    private func leafPaths(_ value: Any, prefix: [Step]) -> [[Step]] {
        var paths: [[Step]] = [prefix]
        if let object = value as? [String: Any] {
            for (key, member) in object { paths += leafPaths(member, prefix: prefix + [.key(key)]) }
        } else if let array = value as? [Any] {
            for (index, item) in array.enumerated() { paths += leafPaths(item, prefix: prefix + [.index(index)]) }
        }
        return paths.filter { !$0.isEmpty }
    }

    private func set(_ root: inout [String: Any], _ path: [Step], _ value: Any) {
        var any: Any = root
        set(&any, path[...], value)
        root = any as! [String: Any]
    }

    private func set(_ node: inout Any, _ path: ArraySlice<Step>, _ value: Any) {
        guard let step = path.first else {
            node = value
            return
        }
        switch step {
        case .key(let key):
            var object = node as! [String: Any]
            var child = object[key]!
            set(&child, path.dropFirst(), value)
            object[key] = child
            node = object
        case .index(let index):
            var array = node as! [Any]
            set(&array[index], path.dropFirst(), value)
            node = array
        }
    }
}
