import ShouhuEvents

/// One occurrence of a school term (学期): the autumn term that starts on 2025-09-01 and ends on
/// 2026-01-20. Reassessment is owed once in each.
public struct Term: Sendable, Hashable, CustomStringConvertible {
    /// The name from the term's definition.
    public let name: String
    /// First day (inclusive).
    public let startsOn: CalendarDate
    /// Last day (inclusive).
    public let endsOn: CalendarDate

    /// Makes a term occurrence.
    public init(name: String, startsOn: CalendarDate, endsOn: CalendarDate) {
        self.name = name
        self.startsOn = startsOn
        self.endsOn = endsOn
    }

    /// Whether the day falls within the term, both ends included.
    public func contains(_ date: CalendarDate) -> Bool {
        startsOn <= date && date <= endsOn
    }

    /// `秋季学期 / autumn term 2025-09-01–2026-01-20`.
    public var description: String { "\(name) \(startsOn)–\(endsOn)" }
}
