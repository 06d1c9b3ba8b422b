import Foundation
import ShouhuEvents

/// The county's school terms (学期), for the termly check (seed 000 篇九: each term one visit, one
/// act of help, one information check). Written in settings as `MM-DD/MM-DD` pairs separated by
/// commas; the default is spring 02-20/07-10 and autumn 09-01/01-20.
public struct TermCalendar: Sendable, Equatable {
    /// The terms, at least one, none overlapping.
    public let terms: [SchoolTerm]

    /// Spring 02-20 to 07-10 and autumn 09-01 to the next 01-20.
    public static let standard = TermCalendar(checked: [
        SchoolTerm(startMonth: 2, startDay: 20, endMonth: 7, endDay: 10)!,
        SchoolTerm(startMonth: 9, startDay: 1, endMonth: 1, endDay: 20)!,
    ])

    private init(checked terms: [SchoolTerm]) {
        self.terms = terms
    }

    /// Makes a calendar, or nil when there is no term or two terms overlap.
    public init?(terms: [SchoolTerm]) {
        guard !terms.isEmpty else { return nil }
        self.terms = terms
        let spans = occurrences(around: 2025)
        for (earlier, later) in zip(spans, spans.dropFirst()) where later.lowerBound <= earlier.upperBound {
            return nil
        }
    }

    /// Reads `MM-DD/MM-DD,MM-DD/MM-DD`; nil for anything else.
    public init?(setting text: String) {
        var terms: [SchoolTerm] = []
        for part in text.split(separator: ",") {
            let ends = part.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }
            guard ends.count == 2 else { return nil }
            let days = ends.map { $0.split(separator: "-").compactMap { Int($0) } }
            guard days.allSatisfy({ $0.count == 2 }),
                let term = SchoolTerm(startMonth: days[0][0], startDay: days[0][1], endMonth: days[1][0], endDay: days[1][1])
            else { return nil }
            terms.append(term)
        }
        self.init(terms: terms)
    }

    /// Every term occurrence that starts in the year before, during or after `year`, in order.
    func occurrences(around year: Int) -> [ClosedRange<CalendarDate>] {
        (year - 1...year + 1).flatMap { y in terms.map { $0.occurrence(startingIn: y) } }
            .sorted { $0.lowerBound < $1.lowerBound }
    }

    /// The first term that ends on or after `date`: the term `date` falls in, or, in a holiday,
    /// the term that comes next.
    public func term(endingOnOrAfter date: CalendarDate) -> ClosedRange<CalendarDate> {
        // Terms repeat yearly, so one of the occurrences starting within a year of `date` ends
        // after it.
        occurrences(around: date.year).first { $0.upperBound >= date }
            ?? occurrences(around: date.year + 1).first { $0.upperBound >= date }!
    }
}
