import AssessmentDomain
import ShouhuEvents
import Testing

extension AssessmentDomainTests {
    @Suite struct ReassessmentScheduleTests {
        let schedule = ReassessmentSchedule.standard

        // MARK: - Terms

        @Test(
            arguments: [
                ("2026-02-19", nil),
                ("2026-02-20", "2026-02-20"),
                ("2026-07-10", "2026-02-20"),
                ("2026-07-11", nil),
                ("2026-08-31", nil),
                ("2026-09-01", "2026-09-01"),
                ("2026-12-31", "2026-09-01"),
                ("2027-01-01", "2026-09-01"),
                ("2027-01-20", "2026-09-01"),
                ("2027-01-21", nil),
                ("2028-02-29", "2028-02-20"),
            ] as [(String, String?)])
        func termContainingADay(date: String, termStart: String?) {
            let term = schedule.term(containing: day(date))
            #expect(term?.startsOn.description == termStart)
        }

        @Test func autumnTermSpansTheNewYear() throws {
            let term = try #require(schedule.term(containing: day("2026-01-05")))
            #expect(term.name == "秋季学期 / autumn term")
            #expect(term.startsOn == day("2025-09-01"))
            #expect(term.endsOn == day("2026-01-20"))
        }

        @Test(arguments: [
            ("2026-01-21", "2025-09-01"),
            ("2026-02-19", "2025-09-01"),
            ("2026-07-11", "2026-02-20"),
            ("2026-08-31", "2026-02-20"),
        ])
        func holidaysBelongToTheTermJustEnded(date: String, termStart: String) {
            #expect(schedule.currentTerm(on: day(date)).startsOn == day(termStart))
        }

        // MARK: - Due by term

        @Test func neverAssessedIsDue() {
            let need = schedule.need(lastAssessedOn: nil, today: day("2026-03-01"))
            #expect(need?.why == .term)
            #expect(need?.dueOn == day("2026-02-20"))
        }

        @Test(arguments: [
            // Same autumn term across the new year: not due.
            ("2025-12-15", "2026-01-10", false),
            ("2025-09-01", "2026-01-20", false),
            // The spring term starts: due again.
            ("2025-12-15", "2026-02-20", true),
            ("2026-01-20", "2026-02-19", false),
            ("2026-01-20", "2026-02-20", true),
            // Assessed in the summer holiday: counts for the spring term, not the autumn one.
            ("2026-08-30", "2026-08-31", false),
            ("2026-08-30", "2026-09-01", true),
            // Missed the whole spring term: still due in the holiday after it.
            ("2026-01-05", "2026-08-01", true),
            ("2026-03-10", "2026-07-10", false),
            ("2026-02-19", "2026-02-20", true),
        ])
        func dueWhenNotAssessedThisTerm(lastAssessed: String, today: String, due: Bool) {
            #expect(schedule.isDue(lastAssessedOn: day(lastAssessed), today: day(today)) == due)
        }

        @Test func termNeedNamesTheTermStart() throws {
            let need = try #require(
                schedule.need(lastAssessedOn: day("2026-01-05"), today: day("2026-08-01")))
            #expect(need.why == .term)
            #expect(need.dueOn == day("2026-02-20"))
            #expect(need.term.endsOn == day("2026-07-10"))
        }

        // MARK: - Due after an incident

        @Test func incidentMakesTheChildDueNow() throws {
            let need = try #require(
                schedule.need(
                    lastAssessedOn: day("2026-03-01"), today: day("2026-04-12"),
                    lastIncidentOn: day("2026-04-10")))
            #expect(need.why == .incident)
            #expect(need.dueOn == day("2026-04-10"))
        }

        @Test(arguments: ["2026-04-10", "2026-04-11"])
        func assessmentOnOrAfterTheIncidentAnswersIt(assessed: String) {
            #expect(
                !schedule.isDue(
                    lastAssessedOn: day(assessed), today: day("2026-04-12"),
                    lastIncidentOn: day("2026-04-10")))
        }

        @Test func anIncidentBeforeTheLastAssessmentIsAnswered() {
            #expect(
                !schedule.isDue(
                    lastAssessedOn: day("2026-03-01"), today: day("2026-04-12"),
                    lastIncidentOn: day("2026-02-25")))
        }

        @Test func incidentWinsOverTheTerm() {
            let need = schedule.need(
                lastAssessedOn: day("2025-12-01"), today: day("2026-03-05"),
                lastIncidentOn: day("2026-03-04"))
            #expect(need?.why == .incident)
            #expect(ReassessmentTrigger.allCases.map(\.rawValue) == ["term", "incident"])
        }

        @Test func incidentInAHolidayIsDue() {
            #expect(
                schedule.isDue(
                    lastAssessedOn: day("2026-06-01"), today: day("2026-08-02"),
                    lastIncidentOn: day("2026-08-01")))
        }

        // MARK: - The calendar is a setting

        @Test func aCountyCanSetItsOwnTerms() throws {
            let spring = TermDefinition(
                name: "春季学期", starts: try #require(MonthDay(month: 3, day: 1)),
                ends: try #require(MonthDay(month: 7, day: 15)))
            let autumn = TermDefinition(
                name: "秋季学期", starts: try #require(MonthDay(month: 9, day: 1)),
                ends: try #require(MonthDay(month: 1, day: 31)))
            let county = try ReassessmentSchedule(terms: [spring, autumn])
            #expect(county.term(containing: day("2026-02-25")) == nil)
            #expect(county.term(containing: day("2026-01-31"))?.startsOn == day("2025-09-01"))
            #expect(county.term(containing: day("2026-07-15"))?.name == "春季学期")
            #expect(county.isDue(lastAssessedOn: day("2026-02-25"), today: day("2026-03-01")))
            #expect(
                !ReassessmentSchedule.standard.isDue(
                    lastAssessedOn: day("2026-02-25"), today: day("2026-03-01")))
        }

        @Test func theDefaultCalendarIsSpringAndAutumn() throws {
            #expect(try ReassessmentSchedule() == ReassessmentSchedule.standard)
            #expect(TermDefinition.standard.map(\.starts.description) == ["02-20", "09-01"])
            #expect(TermDefinition.standard.map(\.ends.description) == ["07-10", "01-20"])
        }

        @Test func overlappingTermsAreRefused() throws {
            let long = TermDefinition(
                name: "长学期", starts: try #require(MonthDay(month: 2, day: 1)),
                ends: try #require(MonthDay(month: 9, day: 1)))
            #expect(throws: AssessmentRuleError.overlappingTerms("长学期", "秋季学期 / autumn term")) {
                try ReassessmentSchedule(terms: [long, .autumn])
            }
            let wraps = TermDefinition(
                name: "跨年", starts: try #require(MonthDay(month: 9, day: 1)),
                ends: try #require(MonthDay(month: 3, day: 1)))
            #expect(throws: AssessmentRuleError.self) {
                try ReassessmentSchedule(terms: [.spring, wraps])
            }
        }

        @Test func emptyOrUnnamedCalendarsAreRefused() throws {
            #expect(throws: AssessmentRuleError.noTerms) { try ReassessmentSchedule(terms: []) }
            let blank = TermDefinition(
                name: " ", starts: try #require(MonthDay(month: 3, day: 1)),
                ends: try #require(MonthDay(month: 6, day: 1)))
            #expect(throws: AssessmentRuleError.unnamedTerm) {
                try ReassessmentSchedule(terms: [blank])
            }
        }

        @Test func aYearRoundTermHasNoHolidays() throws {
            let whole = TermDefinition(
                name: "全年", starts: try #require(MonthDay(month: 1, day: 1)),
                ends: try #require(MonthDay(month: 12, day: 31)))
            let county = try ReassessmentSchedule(terms: [whole])
            #expect(county.term(containing: day("2026-08-15"))?.startsOn == day("2026-01-01"))
            #expect(county.isDue(lastAssessedOn: day("2025-12-31"), today: day("2026-01-01")))
        }

        @Test(arguments: [(2, 29), (4, 31), (13, 1), (0, 5), (1, 0)])
        func monthDaysThatDoNotExistEveryYearAreRefused(month: Int, dayOfMonth: Int) {
            #expect(MonthDay(month: month, day: dayOfMonth) == nil)
        }
    }
}
