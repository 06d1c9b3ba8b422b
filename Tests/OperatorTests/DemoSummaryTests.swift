@testable import ShouhuOperator
import Testing

/// The demo's closing lines are read by a person: the notification counts must say which
/// channel, and what is still waiting or has failed.
@Suite("Demo summary")
struct DemoSummaryTests {
    @Test("notification totals read as counts per channel, naming what waits or failed")
    func channelSummary() {
        let stats: [String: Any] = ["totals": [
            ["channel": "in_app", "sent": 548, "pending": 0, "retrying": 0, "failed": 0],
            ["channel": "sms", "sent": 12, "pending": 2, "retrying": 1, "failed": 0],
            ["channel": "email", "sent": 0, "pending": 0, "retrying": 0, "failed": 3],
        ]]
        #expect(DemoClient.channelSummary(stats) == "548 in the inbox, 12 by SMS (3 waiting), 0 by e-mail (3 failed)")
        #expect(DemoClient.channelSummary([:]) == "")
    }
}
