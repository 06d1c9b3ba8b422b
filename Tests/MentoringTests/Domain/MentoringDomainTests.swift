import MentoringDomain
import ShouhuEvents
import Testing

/// The root suite of the mentoring rules: pure functions, no clock, no store, no broker.
@Suite struct MentoringDomainTests {}

/// A calendar day from `YYYY-MM-DD`; a typo in a test stops the run loudly.
func day(_ text: String) -> CalendarDate {
    guard let date = CalendarDate(text) else { fatalError("bad date in a test: \(text)") }
    return date
}

/// A mentor id that sorts by its number.
func mentorID(_ n: Int) -> String {
    "00000000-0000-4000-8000-" + String(String(n).reversed()).padding(toLength: 12, withPad: "0", startingAt: 0).reversed()
}
