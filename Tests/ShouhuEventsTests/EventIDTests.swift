import Foundation
import Testing
import ShouhuEvents

@Suite("Event ids")
struct EventIDTests {
    @Test func idsAreVersion7LowercaseUUIDsThatFoundationParses() throws {
        let id = EventID.next()
        #expect(FieldFormat.isLowercaseUUID(id))
        #expect(Array(id)[14] == "7", "version nibble")
        #expect("89ab".contains(Array(id)[19]), "RFC 4122 variant")
        #expect(UUID(uuidString: id) != nil)
    }

    @Test func idsSortByTheirCreationTime() {
        let earlier = EventID.next(at: Date(timeIntervalSince1970: 1_800_000_000))
        let later = EventID.next(at: Date(timeIntervalSince1970: 1_800_000_000.002))
        #expect(earlier < later)
        #expect(earlier.hasPrefix("01a3185c-5000"), "48-bit millisecond time first: \(earlier)")
    }

    @Test func idsAreUnique() {
        let ids = (0..<10_000).map { _ in EventID.next() }
        #expect(Set(ids).count == ids.count)
    }
}

@Suite("Calendar dates at the edges")
struct CalendarDateEdgeTests {
    @Test func monthArithmeticClampsInsteadOfTrapping() {
        #expect(CalendarDate("9999-12-01")!.adding(months: 1) == .latest)
        #expect(CalendarDate("0001-02-01")!.adding(months: -5) == .earliest)
        #expect(CalendarDate("2026-01-31")!.adding(months: Int.max) == .latest)
        #expect(CalendarDate("2026-01-31")!.adding(months: Int.min) == .earliest)
        #expect(CalendarDate("2024-01-31")!.adding(months: 1).description == "2024-02-29")
        #expect(CalendarDate("2026-03-31")!.adding(months: -1).description == "2026-02-28")
    }
}

@Suite("Masking ID-like numbers in messages")
struct SensitiveTextTests {
    @Test func idLikeRunsAreMaskedAndOtherNumbersKept() {
        #expect(SensitiveText.masked("身份证号“11010519491231002X”有误") == "身份证号“110105********002X”有误")
        #expect(SensitiveText.masked("old number 520322080229123 here") == "old number 520322*****9123 here")
        #expect(SensitiveText.masked("village 520330101001, row 7") == "village 520330101001, row 7")
        #expect(SensitiveText.masked("a 20-digit 12345678901234567890 run") == "a 20-digit 12345678901234567890 run")
    }
}
