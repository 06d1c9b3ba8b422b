import IntakeDomain
import ShouhuEvents

/// The survey's deadlines (seed 000 篇二): villages finish the survey by 23 June, each community
/// (township) sends its summary to the county bureau by 25 June, the bureau sends the county
/// summary upward by 30 June, and the information database is complete by 15 July.
///
/// How each is measured here (the seeds name the deadlines, not the measures):
/// - villages surveyed: loaded villages with at least one child registered;
/// - township summaries: townships all of whose loaded villages are surveyed;
/// - county summary: every township's summary is in;
/// - database complete: active children whose file has a resident ID number and, where the
///   stage needs one, a school.
struct SurveyProgress: Codable, Sendable {
    /// One deadline and how far the county is.
    struct Milestone: Codable, Sendable {
        var name: String
        var chinese: String
        var due: CalendarDate
        var done: Int
        var total: Int
        /// `done`, `on_track` (not done, the day not yet passed) or `overdue`.
        var status: String
        /// Days until the deadline (negative once past).
        var daysLeft: Int
    }

    var year: Int
    var milestones: [Milestone]

    /// - Parameters:
    ///   - villagesSurveyed, villagesTotal: loaded villages with children, and all loaded villages.
    ///   - townshipsDone, townshipsTotal: townships whose every loaded village is surveyed.
    ///   - completeFiles, activeChildren: files with an ID number (and a school where needed).
    init(year: Int, today: CalendarDate, villagesSurveyed: Int, villagesTotal: Int, townshipsDone: Int,
         townshipsTotal: Int, completeFiles: Int, activeChildren: Int) {
        self.year = year
        func milestone(_ name: String, _ chinese: String, _ month: Int, _ day: Int, _ done: Int, _ total: Int) -> Milestone {
            let due = CalendarDate(year: year, month: month, day: day)!
            let finished = total > 0 && done >= total
            let status = finished ? "done" : (today <= due ? "on_track" : "overdue")
            return Milestone(name: name, chinese: chinese, due: due, done: done, total: total, status: status,
                             daysLeft: today.days(until: due))
        }
        let countyDone = townshipsTotal > 0 && townshipsDone >= townshipsTotal ? 1 : 0
        milestones = [
            milestone("villages_surveyed", "村完成摸底排查", 6, 23, villagesSurveyed, villagesTotal),
            milestone("township_summaries", "社区（乡镇）汇总报县", 6, 25, townshipsDone, townshipsTotal),
            milestone("county_summary", "县汇总上报", 6, 30, countyDone, 1),
            milestone("database_complete", "信息库建设完成", 7, 15, completeFiles, activeChildren),
        ]
    }
}
