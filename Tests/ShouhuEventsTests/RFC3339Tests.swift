import Foundation
import ShouhuEvents
import Testing

@Suite struct RFC3339Tests {
    @Test func writesUTCWithOptionalMilliseconds() {
        #expect(RFC3339.string(from: Samples.instant(2026, 6, 20, 8, 30, 0)) == "2026-06-20T08:30:00Z")
        #expect(RFC3339.string(from: Samples.instant(2026, 6, 20, 8, 30, 0, milliseconds: 500)) == "2026-06-20T08:30:00.500Z")
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: -0.001)) == "1969-12-31T23:59:59.999Z")
        #expect(RFC3339.string(from: Samples.instant(2028, 2, 29, 23, 59, 59, milliseconds: 999)) == "2028-02-29T23:59:59.999Z")
        // Proleptic Gregorian, as RFC 3339 says (Foundation's calendar turns Julian before 1582).
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: -62_135_596_800)) == "0001-01-01T00:00:00Z")
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: -62_135_596_800.001)) == nil)
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: 253_402_300_799.999)) == "9999-12-31T23:59:59.999Z")
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: 253_402_300_800)) == nil)
        #expect(RFC3339.string(from: .distantFuture) == "4001-01-01T00:00:00Z")
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: 1e15)) == nil)
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: .nan)) == nil)
    }

    @Test func readsOffsetsAndFractions() {
        let base = Samples.instant(2026, 6, 20, 8, 30, 0)
        #expect(RFC3339.date(from: "2026-06-20T08:30:00Z") == base)
        #expect(RFC3339.date(from: "2026-06-20T16:30:00+08:00") == base)
        #expect(RFC3339.date(from: "2026-06-20T08:30:00-00:00") == base)
        #expect(RFC3339.date(from: "2026-06-21T00:30:00+16:00") == base)
        #expect(RFC3339.date(from: "2026-06-20T08:29:59.9996Z") == base)
        #expect(RFC3339.date(from: "2026-06-20T08:30:00.9995Z") == RFC3339.wirePrecision(base.addingTimeInterval(1)))
        #expect(RFC3339.date(from: "2026-06-20T08:30:00.05Z") == RFC3339.wirePrecision(base.addingTimeInterval(0.05)))
    }

    @Test(arguments: [
        "", "2026-06-20", "2026-06-20T08:30:00", "2026-06-20T08:30Z", "2026-06-20T08:30:00.Z",
        "2026-06-20T08:30:60Z", "2026-06-20T24:00:00Z", "2026-06-20T08:60:00Z", "2026-02-29T08:30:00Z",
        "2026-06-20T08:30:00+8:00", "2026-06-20T08:30:00+08", "2026-06-20T08:30:00+0800",
        "2026-06-20T08:30:00+24:00", "2026-06-20T08:30:00ZZ", "2026-06-20 08:30:00Z", "20260620T083000Z",
        "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", "２０２６-06-20T08:30:00Z",
        "2026-06-20T08:30:00." + String(repeating: "1", count: 100) + "Z",
    ])
    func refusesWhatIsNotRFC3339(_ text: String) {
        #expect(RFC3339.date(from: text) == nil)
    }

    @Test func wirePrecisionIsStable() {
        let instant = Date(timeIntervalSince1970: 1_781_944_200.987_654)
        let once = RFC3339.wirePrecision(instant)
        #expect(RFC3339.wirePrecision(once) == once)
        #expect(RFC3339.date(from: RFC3339.string(from: once)!) == once)
    }
}
