import Foundation

/// Reading the county settings of the care rules from the text of an environment variable. Each
/// reader returns nil for text it cannot read; the service names the variable in its error.
public enum SettingText {
    /// Score-sum thresholds written `8,12,16` (the lowest totals for two, three and four hearts).
    /// - Throws: `AssessmentRuleError.invalidSumThresholds` for numbers that do not rise within
    ///   6…20; returns nil when the text is not three whole numbers.
    public static func sumThresholds(_ text: String) throws -> SumThresholds? {
        let numbers = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard numbers.count == 3, let two = numbers[0], let three = numbers[1], let four = numbers[2]
        else { return nil }
        return try SumThresholds(twoHeartsFrom: two, threeHeartsFrom: three, fourHeartsFrom: four)
    }

    /// A term calendar written `春季学期=02-20..07-10;秋季学期=09-01..01-20`: one term per entry,
    /// a name, then the first and last day as `MM-DD`.
    /// - Throws: what `ReassessmentSchedule.init(terms:)` throws for overlapping or unnamed
    ///   terms; returns nil when an entry is not written as above.
    public static func terms(_ text: String) throws -> ReassessmentSchedule? {
        var terms: [TermDefinition] = []
        for entry in text.split(separator: ";") {
            let parts = entry.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            let days = parts[1].components(separatedBy: "..")
            guard days.count == 2, let starts = monthDay(days[0]), let ends = monthDay(days[1])
            else { return nil }
            terms.append(
                TermDefinition(
                    name: parts[0].trimmingCharacters(in: .whitespaces), starts: starts, ends: ends))
        }
        return try ReassessmentSchedule(terms: terms)
    }

    /// `MM-DD`, or nil.
    static func monthDay(_ text: String) -> MonthDay? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-")
        guard parts.count == 2, let month = Int(parts[0]), let day = Int(parts[1]) else { return nil }
        return MonthDay(month: month, day: day)
    }
}
