import ShouhuEvents

/// The county's reading of who counts as a left-behind child (留守儿童): settings, each with the
/// default domain.md gives.
///
/// Seed 000 篇二 (工作对象): "农村留守儿童为父母双方从农村居住地流动到其它地区3个月以上，自己留在农村
/// 居住地不能和父母双方共同生活的未满18岁的未成年人". The 2016 national definition (国发〔2016〕13号)
/// reads "父母双方外出务工或一方外出务工另一方无监护能力、不满十六周岁的未成年人": it uses age 16
/// and adds the one-parent-incapable case. The county chooses; the defaults are the seed's age and
/// months with the one-parent rule on.
public struct LeftBehindPolicy: Sendable, Hashable, Codable {
    /// A child is counted while younger than this many years (seed: 未满18岁; national 2016: 16).
    /// On the birthday that makes the child this old, the child no longer counts.
    public var ageLimit: Int

    /// How many calendar months a parent must have been away (seed: 3个月以上).
    public var minimumMonthsAway: Int

    /// Whether one parent away and the other without capacity to guard (disabled or seriously
    /// ill, 一方外出务工另一方无监护能力) counts, as in the 2016 national definition. When off,
    /// only the seed's "both parents away" counts.
    public var oneParentIncapableRule: Bool

    /// Whether, under the one-parent rule, a deceased parent counts as a parent without capacity
    /// to guard, so a child whose one living parent works away is counted (default off).
    ///
    /// domain.md (after the 2016 national definition) names the parent without capacity as
    /// disabled or seriously ill (残疾、重病), so by default a deceased parent does not count:
    /// such a child is covered nationally as an orphan (孤儿) when both parents died, or as
    /// 事实无人抚养儿童. Seed 000 篇六 shows a county caring for single-parent children too
    /// ("关注单亲家庭或父母一方残疾（重病）留守儿童日常生活"); a county that counts them in its
    /// ledger turns this on. It changes who is registered and who may be subsidised, so it is a
    /// deliberate county decision, not a default. Has no effect while `oneParentIncapableRule`
    /// is off.
    public var deceasedParentCountsAsIncapable: Bool

    /// The fixed reference date of a survey round (统计时点) while one is running, or nil.
    /// Surveys compute ages and months away at a fixed date, not at the day of entry
    /// (domain.md); set it for the weeks of a survey (seed 000 篇二: villages finish by June 23)
    /// and clear it afterwards, when registrations are judged on the day they are made.
    public var surveyReferenceDate: CalendarDate?

    /// Makes a policy; every argument defaults to the county default.
    public init(
        ageLimit: Int = 18,
        minimumMonthsAway: Int = 3,
        oneParentIncapableRule: Bool = true,
        deceasedParentCountsAsIncapable: Bool = false,
        surveyReferenceDate: CalendarDate? = nil
    ) {
        self.ageLimit = ageLimit
        self.minimumMonthsAway = minimumMonthsAway
        self.oneParentIncapableRule = oneParentIncapableRule
        self.deceasedParentCountsAsIncapable = deceasedParentCountsAsIncapable
        self.surveyReferenceDate = surveyReferenceDate
    }

    /// The defaults of domain.md: under 18, both parents away 3 months or more, one-parent rule on.
    public static let countyDefault = LeftBehindPolicy()

    /// The day a registration made `today` is judged on: the survey's reference date while a
    /// survey round is set and has begun, otherwise today.
    public func referenceDate(today: CalendarDate) -> CalendarDate {
        if let survey = surveyReferenceDate, survey <= today { return survey }
        return today
    }

    /// What is wrong with these settings, in words for the operator's start-up log; empty when
    /// they are usable. An age limit above 18 would count adults, and a negative number of
    /// months means nothing.
    public var problems: [String] {
        var problems: [String] = []
        if !(1...18).contains(ageLimit) {
            problems.append("The age limit must be between 1 and 18 years; it is \(ageLimit).")
        }
        if !(0...120).contains(minimumMonthsAway) {
            problems.append(
                "The months a parent must be away must be between 0 and 120; it is \(minimumMonthsAway).")
        }
        return problems
    }
}
