/// A school term (学期) as a county setting: a name and the days it starts and ends each year.
/// A term whose end comes before its start in the year (autumn: 9月1日 – 次年1月20日) ends in
/// the next calendar year.
public struct TermDefinition: Sendable, Hashable {
    /// What officers call it, e.g. `春季学期 / spring term`.
    public let name: String
    /// First day of the term.
    public let starts: MonthDay
    /// Last day of the term (inclusive); in the next year when before `starts`.
    public let ends: MonthDay

    /// Spring term, 2月20日 – 7月10日.
    public static let spring = TermDefinition(
        name: "春季学期 / spring term", starts: MonthDay(checked: 2, 20),
        ends: MonthDay(checked: 7, 10))
    /// Autumn term, 9月1日 – 次年1月20日.
    public static let autumn = TermDefinition(
        name: "秋季学期 / autumn term", starts: MonthDay(checked: 9, 1),
        ends: MonthDay(checked: 1, 20))
    /// The default calendar: spring and autumn terms.
    public static let standard: [TermDefinition] = [spring, autumn]

    /// Defines a term; `ReassessmentSchedule.init(terms:)` checks the calendar as a whole.
    public init(name: String, starts: MonthDay, ends: MonthDay) {
        self.name = name
        self.starts = starts
        self.ends = ends
    }

    /// Whether the term runs over the new year.
    public var spansNewYear: Bool { ends < starts }

    /// The occurrence of this term that starts in the given year.
    public func occurrence(startingIn year: Int) -> Term {
        Term(
            name: name, startsOn: starts.date(in: year),
            endsOn: ends.date(in: spansNewYear ? year + 1 : year))
    }
}
