import Foundation
import Hummingbird
import ShouhuEvents
@testable import ShouhuService
import Testing

@Suite("Division codes, read scopes, paging and the clock")
struct SharedHelpersTests {
    @Test("a village rolls up to its township and county; other lengths are refused")
    func divisionLevels() {
        #expect(DivisionCode.township(of: "520330100201") == "520330100")
        #expect(DivisionCode.county(of: "520330100201") == "520330")
        #expect(DivisionCode.township(of: "520330") == nil)
        #expect(DivisionCode.county(of: "52033010020") == nil)
        #expect(DivisionCode.contains("520330100", "520330100201"))
        #expect(!DivisionCode.contains("520330101", "520330100201"))
        #expect(!DivisionCode.contains("5203301002011", "520330100201"))
    }

    @Test("each role reads only its part of the county", arguments: [
        (Role.countyOfficer, nil as String?, true),
        (.township, "520330100", true),
        (.township, "520330101", false),
        (.village, "520330100201", true),
        (.village, "520330100202", false),
        (.school, "school-7", true),
        (.school, "school-8", false),
        (.mentor, nil, false),
        (.township, nil, false),
    ])
    func readScope(role: Role, scope: String?, allowed: Bool) {
        let caller = Caller(subject: "u", role: role, county: "520330", scope: scope)
        #expect(caller.mayRead(ChildPlace(villageCode: "520330100201", schoolId: "school-7")) == allowed)
    }

    @Test("a cursor carries its key back; a forged one is refused")
    func cursors() throws {
        let cursor = PageRequest.cursor(after: "2026-11-24|0190-abc")
        #expect(PageRequest.key(fromCursor: cursor) == "2026-11-24|0190-abc")
        #expect(PageRequest.key(fromCursor: "bm90LW91cnM") == nil)
        let rows = Array(1...3)
        let page = Page(rows: rows, request: PageRequest(limit: 2), item: { $0 }, key: { "\($0)" })
        #expect(page.items == [1, 2])
        #expect(page.nextCursor == PageRequest.cursor(after: "2"))
        let last = Page(rows: [3], request: PageRequest(limit: 2, after: "2"), item: { $0 }, key: { "\($0)" })
        #expect(last.nextCursor == nil)
    }

    @Test("the clock runs ahead by whole days and says today in county time")
    func clock() {
        // 2026-11-24 16:30 UTC is already 2026-11-25 in the county (UTC+8).
        let clock = ServiceClock.fixed(at: Date(timeIntervalSince1970: 1_795_537_800))
        #expect(clock.today() == CalendarDate("2026-11-25")!)
        clock.advance(days: 14)
        #expect(clock.today() == CalendarDate("2026-12-09")!)
    }
}
