import Foundation
import ShouhuEvents
import Testing

/// The golden files are the contract in example form: each decodes to the value the Swift
/// side expects, and that value encodes back to the same JSON.
@Suite struct GoldenTests {
    @Test(arguments: Samples.all)
    func goldenFileDecodesAndEncodesToTheSameJSON(_ sample: Sample) throws {
        try sample.checkGolden()
    }

    @Test func everyEventHasAGoldenFileAndASample() throws {
        let keys = EventCatalog.all.map { $0.routingKey }
        #expect(try Golden.fileNames() == keys.map { $0 + ".json" }.sorted())
        #expect(Samples.all.map(\.routingKey) == keys)
    }

    @Test(arguments: Samples.all)
    func goldenFileIsReadableWithoutKnowingItsType(_ sample: Sample) throws {
        let data = try Golden.data(sample.routingKey)
        let header = try EventCodec().header(from: data)
        #expect(header == sample.header)
        let any = try EventCodec().decodeAny(from: data)
        #expect(any.header == sample.header)
        #expect(type(of: any.payload).routingKey == sample.routingKey)
    }

    @Test(arguments: Samples.all)
    func encodingIsCompactWithSortedKeysAndPlainSlashes(_ sample: Sample) throws {
        let text = String(decoding: try sample.encode(), as: UTF8.self)
        #expect(text.hasPrefix("{\"causationId\":"))
        #expect(!text.contains("\n"))
        #expect(!text.contains("\\/"))
        let keys = topLevelKeysInOrder(text)
        #expect(keys == keys.sorted())
    }

    @Test func slashesAreWrittenUnescaped() throws {
        let text = String(decoding: try EventCodec().encode(Samples.visitRecorded), as: UTF8.self)
        #expect(text.contains("作业/考试成绩下滑"))
    }

    /// The keys of the outer object in the order they appear (the envelope has no nested object
    /// before `payload`, and `payload` sorts after every other key but `producer`, `type` and
    /// `version`, which follow it).
    private func topLevelKeysInOrder(_ text: String) -> [String] {
        let names = ["causationId", "correlationId", "county", "id", "occurredAt", "payload", "producer", "type", "version"]
        return names
            .compactMap { name in text.range(of: "\"\(name)\":").map { (name, $0.lowerBound) } }
            .sorted { $0.1 < $1.1 }
            .map(\.0)
    }
}

enum GoldenCheck {
    static func run<E: Event>(_ expected: Envelope<E>) throws {
        let data = try Golden.data(E.routingKey)
        let decoded = try EventCodec().decode(E.self, from: data)
        #expect(decoded == expected)
        #expect(decoded.payload == expected.payload)
        #expect(decoded.header == expected.header)
        let encoded = try EventCodec().encode(expected)
        let produced = try JSONValue.parse(encoded)
        let golden = try JSONValue.parse(data)
        #expect(produced == golden, "encoded \(produced)\n golden \(golden)")
        // And the bytes we produce read back to the same value.
        #expect(try EventCodec().decode(E.self, from: encoded) == expected)
    }
}
