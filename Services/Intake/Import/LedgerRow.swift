import ShouhuEvents

/// One child's row from a ledger file, ready for the intake service to validate and register.
///
/// `values` holds each field that has a usable value, normalised (see `LedgerField` for each
/// field's form). A field whose cell could not be read has no value; its `LedgerProblem` says why
/// and `rawValues` keeps what the cell said, so the user can be shown it.
public struct LedgerRow: Sendable, Hashable {
    /// The row number in the user's spreadsheet (the header row, usually row 1, counts).
    public var rowNumber: Int
    /// Normalised values of the fields that have one.
    public var values: [LedgerField: String]
    /// The cell text of every non-empty mapped cell, as written.
    public var rawValues: [LedgerField: String]
    /// Problems with the row or its cells, in column order.
    public var problems: [LedgerProblem]
    /// Non-empty cells under titles we do not know, keyed by the title as written (a repeated
    /// title gets its column letters: `备注 (F)`).
    public var extras: [String: String]

    /// Makes a row.
    public init(
        rowNumber: Int, values: [LedgerField: String] = [:], rawValues: [LedgerField: String] = [:],
        problems: [LedgerProblem] = [], extras: [String: String] = [:]
    ) {
        self.rowNumber = rowNumber
        self.values = values
        self.rawValues = rawValues
        self.problems = problems
        self.extras = extras
    }

    /// The normalised value of a field.
    public subscript(field: LedgerField) -> String? {
        values[field]
    }

    /// The problems with one field.
    public func problems(for field: LedgerField) -> [LedgerProblem] {
        problems.filter { $0.field == field }
    }

    /// True when anything about the row was reported.
    public var hasProblems: Bool { !problems.isEmpty }

    // MARK: - Typed values

    /// `gender` as the shared enum.
    public var gender: Gender? { values[.gender].flatMap(Gender.init(rawValue:)) }
    /// `birthDate` as a date.
    public var birthDate: CalendarDate? { values[.birthDate].flatMap(CalendarDate.init(_:)) }
    /// `schoolStage` as the shared enum.
    public var schoolStage: SchoolStage? { values[.schoolStage].flatMap(SchoolStage.init(rawValue:)) }
    /// `fatherStatus` as the shared enum.
    public var fatherStatus: ParentStatus? { values[.fatherStatus].flatMap(ParentStatus.init(rawValue:)) }
    /// `motherStatus` as the shared enum.
    public var motherStatus: ParentStatus? { values[.motherStatus].flatMap(ParentStatus.init(rawValue:)) }
    /// `fatherSince` as a date.
    public var fatherSince: CalendarDate? { values[.fatherSince].flatMap(CalendarDate.init(_:)) }
    /// `motherSince` as a date.
    public var motherSince: CalendarDate? { values[.motherSince].flatMap(CalendarDate.init(_:)) }
    /// `guardianRelation` as the shared enum.
    public var guardianRelation: GuardianRelation? {
        values[.guardianRelation].flatMap(GuardianRelation.init(rawValue:))
    }
    /// `grade` as the year of schooling, 1–12.
    public var grade: Int? { values[.grade].flatMap { Int($0) } }
    /// `guardianAge` as a number.
    public var guardianAge: Int? { values[.guardianAge].flatMap { Int($0) } }
    /// `familyFlags` as a set; empty when the ledger says none, nil when it says nothing.
    public var familyFlags: Set<FamilyFlag>? {
        values[.familyFlags].map { text in
            Set(text.split(separator: ",").compactMap { FamilyFlag(rawValue: String($0)) })
        }
    }
}
