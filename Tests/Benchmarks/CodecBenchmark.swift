import ArgumentParser
import Foundation
import ShouhuEvents

/// How much CPU the shared codec spends per envelope: every event crosses it twice on the full
/// path (once in the producer, once in the consumer), so it bounds the pipeline. Measures a
/// small event (`child.exited`, the pipeline benchmark's) and two large ones, each as the median
/// of several rounds of process CPU time, since the machines are shared and noisy.
struct CodecBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codec", abstract: "Envelope encode, header and decode cost (CPU µs per envelope).")

    @Option(help: "Envelopes per measurement.") var events = 20_000
    @Option(help: "Rounds per event; the median is printed.") var rounds = 7
    @Option(help: "Measure only this event (a routing key), e.g. for a profile.") var only: String?

    func run() throws {
        print("shouhu-bench codec --events \(events) --rounds \(rounds): median CPU µs per envelope")
        try measure(CodecSamples.childExited)
        try measure(CodecSamples.childRegistered)
        try measure(CodecSamples.assessmentRecorded)
    }

    /// Encodes, reads the header of and fully decodes `events` envelopes of one event, `rounds`
    /// times, and prints the medians.
    private func measure<E: Event>(_ make: (Int) -> Envelope<E>) throws {
        if let only, only != E.routingKey { return }
        let codec = EventCodec()
        let envelopes = (0..<events).map(make)
        var encode: [Double] = [], header: [Double] = [], decode: [Double] = []
        var bytes = 0
        for _ in 0..<rounds {
            var start = processCPUSeconds()
            let bodies = try envelopes.map { try codec.encode($0) }
            encode.append(perEnvelope(since: start))
            start = processCPUSeconds()
            for body in bodies { _ = try codec.header(from: body) }
            header.append(perEnvelope(since: start))
            start = processCPUSeconds()
            for body in bodies { _ = try codec.decode(E.self, from: body) }
            decode.append(perEnvelope(since: start))
            bytes = bodies.reduce(0) { $0 + $1.count } / max(1, bodies.count)
        }
        func figure(_ value: Double) -> String { String(format: "%6.2f", value) }
        let name = E.routingKey.padding(toLength: 20, withPad: " ", startingAt: 0)
        print(
            "  \(name) (\(bytes) bytes): encode \(figure(median(encode))) µs, header \(figure(median(header))) µs,"
                + " decode \(figure(median(decode))) µs  (encode rounds: "
                + encode.map { String(format: "%.2f", $0) }.joined(separator: " ") + ")")
    }

    /// CPU µs per envelope since `start`.
    private func perEnvelope(since start: Double) -> Double {
        (processCPUSeconds() - start) * 1e6 / Double(max(1, events))
    }
}

/// The envelopes the codec benchmark measures, each with its own ids so that no two bodies are
/// the same.
enum CodecSamples {
    static let county = "520330"

    /// A fresh lowercase UUID.
    static func uuid() -> String { UUID().uuidString.lowercased() }

    /// The pipeline benchmark's event: a child left, no note.
    static func childExited(_ n: Int) -> Envelope<ChildExited> {
        Envelope(
            county: county,
            payload: ChildExited(childId: uuid(), reason: .movedAway, on: CalendarDate("2026-11-20")!))
    }

    /// A full registration: guardian, both parents working away, Chinese text, a family flag.
    static func childRegistered(_ n: Int) -> Envelope<ChildRegistered> {
        Envelope(
            county: county,
            payload: ChildRegistered(
                childId: uuid(), name: "李小梅", gender: .female, birthDate: CalendarDate("2015-03-14")!,
                schoolStage: .primary, schoolId: "gz-520330-xiaoxue-017", grade: "五年级", className: "2班",
                villageCode: "520330104201",
                guardian: .init(relation: .grandparent, name: "王秀英", phone: "13885812345"),
                parents: [
                    .init(role: .father, status: .workingAway, place: "广东省东莞市",
                          since: CalendarDate("2023-02-10")!, phone: "+86 13912345678"),
                    .init(role: .mother, status: .workingAway, place: "浙江省宁波市",
                          since: CalendarDate("2024-03-01")!),
                ],
                familyFlags: [.minimumAllowance], registeredOn: CalendarDate("2026-06-18")!))
    }

    /// An assessment into the key tier, caused by a registration.
    static func assessmentRecorded(_ n: Int) -> Envelope<AssessmentRecorded> {
        Envelope(
            county: county, causationId: uuid(),
            payload: AssessmentRecorded(
                childId: uuid(), assessmentId: uuid(), guardianCategory: 3, harmLevel: 2,
                guardianRating: .fair,
                dimensionScores: .init(psychology: 3, physicalHealth: 2, studies: 4, guardianship: 3,
                                       safetyAndLiving: 2),
                careLevel: 4, tier: .key, assessedOn: CalendarDate("2026-06-25")!,
                assessorRole: "class_teacher"))
    }
}
