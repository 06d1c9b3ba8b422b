public import ShouhuEvents

/// What one entitlement period pays per school stage, in fen (补助标准). The defaults are the
/// seed's county (seed 000 篇六): 500 yuan a semester in primary school, 800 in junior high,
/// 1,300 in senior high, 400 yuan a month at university. Vocational upper-secondary (中职)
/// is paid as senior high unless the county sets its own figure.
public struct SubsidyStandards: Sendable, Hashable, Codable {
    /// Primary school (小学), per semester.
    public var primarySemesterFen: Int64
    /// Junior high (初中), per semester.
    public var juniorHighSemesterFen: Int64
    /// Senior high (高中), per semester.
    public var seniorHighSemesterFen: Int64
    /// Vocational upper-secondary (中职), per semester.
    public var vocationalSemesterFen: Int64
    /// University or college (大学), per month.
    public var universityMonthFen: Int64

    /// Makes standards; each defaults to the seed's figure.
    public init(
        primarySemesterFen: Int64 = 50_000, juniorHighSemesterFen: Int64 = 80_000,
        seniorHighSemesterFen: Int64 = 130_000, vocationalSemesterFen: Int64? = nil,
        universityMonthFen: Int64 = 40_000
    ) {
        self.primarySemesterFen = primarySemesterFen
        self.juniorHighSemesterFen = juniorHighSemesterFen
        self.seniorHighSemesterFen = seniorHighSemesterFen
        self.vocationalSemesterFen = vocationalSemesterFen ?? seniorHighSemesterFen
        self.universityMonthFen = universityMonthFen
    }

    /// The seed's standards.
    public static let seed = SubsidyStandards()

    /// The period kind a stage is paid by: semesters at school, months at university, nothing
    /// before school or out of school.
    public static func periodKind(for stage: SchoolStage) -> PeriodKind? {
        switch stage {
        case .primary, .juniorHigh, .seniorHigh, .vocational: .semester
        case .university: .month
        case .preschool, .notInSchool: nil
        }
    }

    /// What a child at `stage` is owed for one period of `kind`, or nil when that stage is not
    /// paid by that kind of period (a pupil has no monthly standard, a student no semester one).
    public func amountFen(for stage: SchoolStage, kind: PeriodKind) -> Int64? {
        guard Self.periodKind(for: stage) == kind else { return nil }
        switch stage {
        case .primary: return primarySemesterFen
        case .juniorHigh: return juniorHighSemesterFen
        case .seniorHigh: return seniorHighSemesterFen
        case .vocational: return vocationalSemesterFen
        case .university: return universityMonthFen
        case .preschool, .notInSchool: return nil
        }
    }

    /// What is wrong with these figures, for the start-up log; empty when usable.
    public var problems: [String] {
        let all: [(String, Int64)] = [
            ("primary", primarySemesterFen), ("junior high", juniorHighSemesterFen),
            ("senior high", seniorHighSemesterFen), ("vocational", vocationalSemesterFen),
            ("university", universityMonthFen),
        ]
        return all.filter { $0.1 < 1 }.map { "The \($0.0) standard must be at least 1 fen; it is \($0.1)." }
    }
}
