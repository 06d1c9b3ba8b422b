import ArgumentParser
import Foundation
import ShouhuEvents

/// How fast the shared codec encodes and decodes envelopes: every event crosses it twice on the
/// full path (once in the producer, once in the consumer), so it bounds the pipeline.
struct CodecBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "codec", abstract: "Envelope encode and decode rates.")

    @Option(help: "Envelopes per measurement.") var events = 20_000

    func run() throws {
        let codec = EventCodec()
        let envelopes = sampleEnvelopes(count: events)
        var start = Date()
        let bodies = try envelopes.map { try codec.encode($0) }
        let encodeRate = Double(events) / Date().timeIntervalSince(start)
        start = Date()
        for body in bodies { _ = try codec.header(from: body) }
        let headerRate = Double(events) / Date().timeIntervalSince(start)
        start = Date()
        for body in bodies { _ = try codec.decode(ChildExited.self, from: body) }
        let decodeRate = Double(events) / Date().timeIntervalSince(start)
        print(String(format: "codec (%d child.exited envelopes): encode %.0f/s, header %.0f/s, full decode %.0f/s",
                     events, encodeRate, headerRate, decodeRate))
    }
}
