import ShouhuEvents

/// The county's mentoring rules that are settings (domain.md, "Mentoring and visits"), with the
/// seeds' defaults.
public struct MentoringPolicy: Sendable, Equatable {
    /// Days between home visits (家访) for a key-tier child; seed 000 篇二 "两周必须家访一次".
    public var homeVisitDaysKey: Int
    /// Days between home visits for a general-tier child. The seed asks two weeks of every
    /// left-behind child, so the default is the same; a county may relax it.
    public var homeVisitDaysGeneral: Int
    /// Calendar months between reports to the parents working away (seed 000 篇一: each month).
    public var parentReportMonths: Int
    /// The school terms for the termly check.
    public var terms: TermCalendar
    /// Days after an overdue alert before the same overdue duty is alerted again.
    public var overdueRepeatDays: Int
    /// After a risk escalation, a home visit is owed within this many days (or sooner if one was
    /// due sooner anyway).
    public var escalationVisitDays: Int
    /// The capacity a new mentor gets when none is given: seed 000 篇八, a teacher mentors about
    /// two children.
    public var defaultCapacity: Int

    /// The seeds' defaults.
    public static let standard = MentoringPolicy(
        homeVisitDaysKey: 14, homeVisitDaysGeneral: 14, parentReportMonths: 1, terms: .standard,
        overdueRepeatDays: 7, escalationVisitDays: 3, defaultCapacity: 2)

    /// Makes a policy.
    public init(
        homeVisitDaysKey: Int, homeVisitDaysGeneral: Int, parentReportMonths: Int, terms: TermCalendar,
        overdueRepeatDays: Int, escalationVisitDays: Int, defaultCapacity: Int
    ) {
        self.homeVisitDaysKey = homeVisitDaysKey
        self.homeVisitDaysGeneral = homeVisitDaysGeneral
        self.parentReportMonths = parentReportMonths
        self.terms = terms
        self.overdueRepeatDays = overdueRepeatDays
        self.escalationVisitDays = escalationVisitDays
        self.defaultCapacity = defaultCapacity
    }

    /// Days between home visits for a tier.
    public func homeVisitDays(for tier: CareTier) -> Int {
        tier == .key ? homeVisitDaysKey : homeVisitDaysGeneral
    }
}
