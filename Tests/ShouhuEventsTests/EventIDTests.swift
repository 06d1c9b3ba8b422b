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
