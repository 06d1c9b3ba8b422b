import ShouhuEvents

/// Who counts as a left-behind child (留守儿童认定), under a county's `LeftBehindPolicy`.
///
/// Seed 000 篇二 (工作对象): "父母双方从农村居住地流动到其它地区3个月以上，自己留在农村居住地不能和父母
/// 双方共同生活的未满18岁的未成年人". With the one-parent rule on, also the 2016 national case
/// "一方外出务工另一方无监护能力": one parent away long enough and the other disabled or seriously ill
/// (or deceased, when `deceasedParentCountsAsIncapable` is on; see there why it is by default).
///
/// Everything is measured on a reference date: the day of entry, or a survey's fixed date
/// (`LeftBehindPolicy.referenceDate(today:)`).
public enum LeftBehindDefinition {
    /// Decides whether a child counts, and if not, says every reason.
    ///
    /// - Age: the child must be younger than `policy.ageLimit` on `referenceDate`; the birthday
    ///   that makes the child that old ends it, and a child born after the reference date does
    ///   not count yet.
    /// - A parent is away when working away with a `since` date at least
    ///   `policy.minimumMonthsAway` calendar months before `referenceDate`
    ///   (`since.adding(months:) <= referenceDate`: a parent who left on 31 January has been
    ///   away three months on 30 April). Working away without a `since` is not enough
    ///   information, and so not eligible.
    /// - Both parents away counts; with the one-parent rule, so does one away and the other
    ///   disabled or ill (or deceased, per the policy). A parent at home, of unknown situation,
    ///   missing from the list or listed twice does not.
    /// - Parameters:
    ///   - birthDate: the child's date of birth.
    ///   - parents: one entry per parent, father and mother, in any order.
    ///   - policy: the county's settings.
    ///   - referenceDate: the day to judge on.
    public static func evaluate(
        birthDate: CalendarDate,
        parents: [ParentSituation],
        policy: LeftBehindPolicy = .countyDefault,
        on referenceDate: CalendarDate
    ) -> Eligibility {
        var reasons: [String] = []

        if birthDate > referenceDate {
            reasons.append(
                "The date of birth \(birthDate) is after the reference date \(referenceDate) "
                    + "(出生日期晚于统计时点).")
        } else if agedOut(birthDate: birthDate, on: referenceDate, policy: policy) {
            reasons.append(
                "The child is \(birthDate.age(on: referenceDate)) on the reference date "
                    + "\(referenceDate); the county counts children under \(policy.ageLimit) "
                    + "(已满\(policy.ageLimit)周岁).")
        }

        let father = standing(of: .father, in: parents, policy: policy, on: referenceDate)
        let mother = standing(of: .mother, in: parents, policy: policy, on: referenceDate)
        reasons += parentReasons(father: father, mother: mother, policy: policy)

        return reasons.isEmpty ? .eligible : .notLeftBehind(reasons: reasons)
    }

    /// Whether a child has reached the county's age limit on a day: the daily sweep records an
    /// `aged_out` exit for such a child. True from the birthday that makes the child
    /// `policy.ageLimit` years old (a child born on 29 February, in a common year, from 1 March).
    public static func agedOut(
        birthDate: CalendarDate, on day: CalendarDate, policy: LeftBehindPolicy = .countyDefault
    ) -> Bool {
        birthDate.age(on: day) >= policy.ageLimit
    }

    /// The first day on which `agedOut` is true: the birthday that makes the child
    /// `policy.ageLimit` years old, or 1 March when that birthday is a 29 February in a common
    /// year (as `CalendarDate.age(on:)` counts it). For scheduling the sweep's work.
    public static func ageOutDate(birthDate: CalendarDate, policy: LeftBehindPolicy = .countyDefault)
        -> CalendarDate
    {
        let year = birthDate.year + policy.ageLimit
        return CalendarDate(year: year, month: birthDate.month, day: birthDate.day)
            ?? CalendarDate(year: year, month: 3, day: 1)!
    }

    // MARK: - Parents

    /// How one parent weighs in the definition.
    enum Standing: Equatable {
        /// Working away long enough.
        case away
        /// Disabled or seriously ill, or deceased: may count under the one-parent rule.
        /// `what` says which in words ("The mother is deceased (母亲已去世)").
        case incapable(what: String, deceased: Bool)
        /// Neither; the reason says why in plain words.
        case neither(reason: String)
    }

    static func standing(
        of role: ParentRole, in parents: [ParentSituation], policy: LeftBehindPolicy,
        on referenceDate: CalendarDate
    ) -> Standing {
        let words = ParentWords(role)
        let entries = parents.filter { $0.role == role }
        guard entries.count <= 1 else {
            return .neither(reason: "There is more than one entry for \(words.the) (\(words.zh)信息重复).")
        }
        guard let parent = entries.first else {
            return .neither(reason: "There is no entry for \(words.the) (缺少\(words.zh)信息).")
        }
        let months = policy.minimumMonthsAway
        switch parent.status {
        case .workingAway:
            guard let since = parent.since else {
                return .neither(
                    reason: "\(words.The) is working away but the date \(words.he) left is not "
                        + "recorded: not enough information to decide (缺少\(words.zh)外出时间，无法认定).")
            }
            guard since.adding(months: months) <= referenceDate else {
                return .neither(
                    reason: "\(words.The) has been working away since \(since), less than \(months) "
                        + "months before the reference date \(referenceDate) "
                        + "(\(words.zh)外出不满\(months)个月).")
            }
            return .away
        case .atHome:
            return .neither(reason: "\(words.The) lives at home (\(words.zh)在家).")
        case .unknown:
            return .neither(
                reason: "\(words.The)'s situation is unknown: find out before deciding "
                    + "(\(words.zh)情况不明，需核实).")
        case .disabledOrIll:
            return .incapable(
                what: "\(words.The) is disabled or seriously ill (\(words.zh)残疾或重病)", deceased: false)
        case .deceased:
            return .incapable(what: "\(words.The) is deceased (\(words.zh)已去世)", deceased: true)
        }
    }

    static func parentReasons(father: Standing, mother: Standing, policy: LeftBehindPolicy)
        -> [String]
    {
        let months = policy.minimumMonthsAway
        switch (father, mother) {
        case (.away, .away):
            return []
        case (.away, .incapable(let what, let deceased)), (.incapable(let what, let deceased), .away):
            guard policy.oneParentIncapableRule else {
                return [
                    "\(what), but the county's policy counts only children whose parents are both "
                        + "away (未启用“一方外出务工另一方无监护能力”认定)."
                ]
            }
            guard !deceased || policy.deceasedParentCountsAsIncapable else {
                return [
                    "\(what), and the county's policy does not count a deceased parent as one "
                        + "without capacity to guard (去世不按无监护能力认定)."
                ]
            }
            return []
        case (.away, .neither(let reason)), (.neither(let reason), .away):
            return [reason]
        default:
            var reasons = [
                "Neither parent has been working away for \(months) months or more "
                    + "(父母均未外出务工满\(months)个月)."
            ]
            for standing in [father, mother] {
                switch standing {
                case .neither(let reason): reasons.append(reason)
                case .incapable(let what, _): reasons.append(what + ".")
                case .away: break
                }
            }
            return reasons
        }
    }
}

/// How the reasons name a parent.
private struct ParentWords {
    let the: String
    let The: String
    let he: String
    let zh: String

    init(_ role: ParentRole) {
        switch role {
        case .father: (the, The, he, zh) = ("the father", "The father", "he", "父亲")
        case .mother: (the, The, he, zh) = ("the mother", "The mother", "she", "母亲")
        }
    }
}
