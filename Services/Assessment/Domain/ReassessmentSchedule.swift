import ShouhuEvents

/// When a child is due for reassessment (复评). Domain.md: "Every child is reassessed at least
/// once a term, and after any incident." The term calendar is a county setting (default: spring
/// 2月20日 – 7月10日, autumn 9月1日 – 次年1月20日).
///
/// - Term rule: due when the child has not been assessed since the current term began. In a
///   holiday the most recent term stays current, so a child missed in the spring term stays due
///   through the summer; an assessment made in a holiday counts for the term just ended, not the
///   next one (the next term wants its own look at the child).
/// - Incident rule: a visit with concerns makes the child due at once, unless an assessment on or
///   after the incident's day exists. Only days are known, so an assessment on the incident's own
///   day is taken to answer it: officers reassess in response to the report.
/// - A child never assessed is always due (by term).
public struct ReassessmentSchedule: Sendable, Hashable {
    /// The terms of the school year.
    public let terms: [TermDefinition]

    /// The default calendar: spring and autumn terms.
    public static let standard = ReassessmentSchedule(checked: TermDefinition.standard)

    /// Makes a schedule from a county's terms.
    /// - Throws: `AssessmentRuleError.noTerms` for an empty list, `.unnamedTerm` for a blank
    ///   name, `.overlappingTerms` when two terms (or a term and its next year's repeat) share a
    ///   day.
    public init(terms: [TermDefinition] = TermDefinition.standard) throws {
        guard !terms.isEmpty else { throw AssessmentRuleError.noTerms }
        if terms.contains(where: { $0.name.allSatisfy(\.isWhitespace) }) {
            throw AssessmentRuleError.unnamedTerm
        }
        // Lay out three years of occurrences (one leap year among them) and look for overlaps.
        let occurrences = (2023...2025)
            .flatMap { year in terms.map { $0.occurrence(startingIn: year) } }
            .sorted { $0.startsOn < $1.startsOn }
        for (earlier, later) in zip(occurrences, occurrences.dropFirst())
        where later.startsOn <= earlier.endsOn {
            throw AssessmentRuleError.overlappingTerms(earlier.name, later.name)
        }
        self.init(checked: terms)
    }

    private init(checked terms: [TermDefinition]) {
        self.terms = terms
    }

    /// The term the day falls in, or nil in a holiday.
    public func term(containing date: CalendarDate) -> Term? {
        let term = currentTerm(on: date)
        return term.contains(date) ? term : nil
    }

    /// The term the day falls in or, in a holiday, the one that ended most recently.
    public func currentTerm(on date: CalendarDate) -> Term {
        // Terms last under a year, so one that started more than two years back cannot be the
        // latest; every calendar has a term starting within any twelve months.
        let started = ((date.year - 2)...date.year)
            .flatMap { year in terms.map { $0.occurrence(startingIn: year) } }
            .filter { $0.startsOn <= date }
        return started.max { $0.startsOn < $1.startsOn }!
    }

    /// Whether the child is due for reassessment today.
    ///
    /// - Parameters:
    ///   - lastAssessedOn: the day of the child's latest assessment, nil if never assessed.
    ///   - today: the county's today.
    ///   - lastIncidentOn: the day of the latest visit with concerns, if any.
    public func isDue(
        lastAssessedOn: CalendarDate?, today: CalendarDate, lastIncidentOn: CalendarDate? = nil
    ) -> Bool {
        need(lastAssessedOn: lastAssessedOn, today: today, lastIncidentOn: lastIncidentOn) != nil
    }

    /// Why and since when the child is due today, or nil when not due.
    ///   - registeredOn: the day the child was registered, if known: a child registered in the
    ///     middle of a term is due from that day, not from the term's first day.
    public func need(
        lastAssessedOn: CalendarDate?, today: CalendarDate, lastIncidentOn: CalendarDate? = nil,
        registeredOn: CalendarDate? = nil
    ) -> ReassessmentNeed? {
        let term = currentTerm(on: today)
        if let incident = lastIncidentOn, lastAssessedOn.map({ $0 < incident }) ?? true {
            return ReassessmentNeed(why: .incident, dueOn: incident, term: term)
        }
        if lastAssessedOn.map({ $0 < term.startsOn }) ?? true {
            let from = max(term.startsOn, min(registeredOn ?? term.startsOn, today))
            return ReassessmentNeed(why: .term, dueOn: from, term: term)
        }
        return nil
    }
}
