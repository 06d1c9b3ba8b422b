import Foundation
import NotificationDomain
import ShouhuEvents
import Testing

@Suite("Quiet hours, the daily digest and retries, in county time (UTC+8)")
struct ScheduleTests {
    /// An instant given in county time.
    func county(_ day: String, _ hour: Int, _ minute: Int = 0) -> Date {
        CalendarDate(day)!.startInstant().addingTimeInterval(TimeInterval(hour * 3600 + minute * 60))
    }

    @Test("quiet hours across midnight hold an SMS until the morning, county time")
    func quietAcrossMidnight() throws {
        let quiet = try #require(QuietHours("21:30-07:30"))
        #expect(quiet.release(county("2026-06-20", 22)) == county("2026-06-21", 7, 30))
        #expect(quiet.release(county("2026-06-21", 3)) == county("2026-06-21", 7, 30))
        #expect(quiet.release(county("2026-06-20", 12)) == county("2026-06-20", 12))
        #expect(quiet.release(county("2026-06-20", 7, 30)) == county("2026-06-20", 7, 30))
        #expect(quiet.release(county("2026-06-20", 21, 29)) == county("2026-06-20", 21, 29))
        // 22:00 in the county is 14:00 UTC the same day: the county's clock decides, not UTC's.
        #expect(county("2026-06-20", 22).timeIntervalSince1970.truncatingRemainder(dividingBy: 86_400) == 14 * 3600)
    }

    @Test("a window within one day, 'off', and bad settings")
    func quietShapes() throws {
        let lunch = try #require(QuietHours("12:00-14:00"))
        #expect(lunch.release(county("2026-06-20", 13)) == county("2026-06-20", 14))
        #expect(lunch.release(county("2026-06-20", 15)) == county("2026-06-20", 15))
        let off = try #require(QuietHours("off"))
        #expect(off.release(county("2026-06-20", 23)) == county("2026-06-20", 23))
        #expect(QuietHours("25:00-07:00") == nil)
        #expect(QuietHours("21:30") == nil)
        #expect(QuietHours("9:30-07:00") == nil)
    }

    @Test("an overdue item joins today's digest before 08:00 and tomorrow's after")
    func digestDay() throws {
        let schedule = try #require(DigestSchedule("08:00"))
        #expect(schedule.day(for: county("2026-06-20", 7, 59)) == CalendarDate("2026-06-20")!)
        #expect(schedule.day(for: county("2026-06-20", 8)) == CalendarDate("2026-06-21")!)
        #expect(!schedule.isDue(CalendarDate("2026-06-21")!, at: county("2026-06-21", 7)))
        #expect(schedule.isDue(CalendarDate("2026-06-21")!, at: county("2026-06-21", 8)))
    }

    @Test("a digest lists the most overdue first, names as many children as fit one SMS, and lists all in the inbox")
    func digestComposition() {
        let obligations: [Obligation] = [.homeVisit, .parentReport, .termCheck]
        let items = (0..<30).map { index in
            DigestItem(childId: "c\(index)", childName: "儿童\(index)号", obligation: obligations[index % 3],
                       dueOn: CalendarDate("2026-06-01")!, daysOverdue: index + 1)
        }
        let digest = NotificationPlanner().digest(for: Fixtures.teacher, items: items)
        #expect(digest.kind == .visitOverdue && !digest.urgent)
        #expect(digest.channels == [.inApp, .sms, .email])
        let sms = digest.message.sms
        #expect(SMSText.length(sms) <= SMSText.limit, "\(sms)")
        #expect(sms.contains("30项") && sms.contains("最长30天") && sms.contains("儿童29号") && sms.contains("等"))
        #expect(!sms.contains("…"))
        #expect(items.allSatisfy { digest.message.detail.contains($0.childName + "：") })
        let first = digest.message.detail.range(of: "儿童29号")!.lowerBound
        let last = digest.message.detail.range(of: "儿童0号")!.lowerBound
        #expect(first < last)

        let one = NotificationPlanner().digest(for: Fixtures.cadre, items: [items[0]])
        #expect(one.message.sms.contains("1项") && one.message.sms.contains("儿童0号") && !one.message.sms.contains("等"))
        #expect(one.channels == [.inApp, .sms])
    }

    @Test("retries back off by doubling up to the maximum and stop at the limit")
    func retries() {
        let policy = RetryPolicy(base: 30, maximum: 600, limit: 5)
        #expect(policy.delay(afterAttempt: 1) == 30)
        #expect(policy.delay(afterAttempt: 2) == 60)
        #expect(policy.delay(afterAttempt: 4) == 240)
        #expect(policy.delay(afterAttempt: 6) == 600)
        #expect(policy.mayRetry(after: 4))
        #expect(!policy.mayRetry(after: 5))
    }
}
