/// Risk escalation (风险升级): compares a child's new rating with the previous one.
///
/// Domain.md: "A rise in care level, or a more severe harm level, is a risk escalation: the
/// mentors and the responsible officer must hear of it at once." An escalation is decided on
/// those two alone; a fall in either is a de-escalation, reported as such and never alerted.
/// When one rises and the other falls, the rise wins: hearing of it is what matters.
public enum Escalation {
    /// Decides whether the new rating escalates the child's risk.
    ///
    /// - Parameters:
    ///   - previous: the child's last rating, nil on the first assessment.
    ///   - current: the rating just made.
    ///   - policy: when a first assessment alerts (default: key tier or harm level 1–2).
    /// - Returns: the outcome, the levels before and after, and reason lines.
    public static func compare(
        previous: CareRating?, current: CareRating, policy: EscalationPolicy = .standard
    ) -> EscalationDecision {
        guard let previous else { return first(current, policy: policy) }

        var rises: [String] = []
        var falls: [String] = []
        let from = previous.careLevel
        let to = current.careLevel
        if to > from {
            let tier = to.tier != from.tier ? "，转为\(to.tier.chineseName)" : ""
            let tierEn = to.tier != from.tier ? "; now \(to.tier.englishName)" : ""
            rises.append(
                "关爱等级由\(from.chineseName)升至\(to.chineseName)\(tier) / "
                    + "Care level rose from \(from.hearts) to \(to.hearts)\(tierEn)")
        } else if to < from {
            let tier = to.tier != from.tier ? "，转为\(to.tier.chineseName)" : ""
            let tierEn = to.tier != from.tier ? "; now \(to.tier.englishName)" : ""
            falls.append(
                "关爱等级由\(from.chineseName)降至\(to.chineseName)\(tier) / "
                    + "Care level fell from \(from.hearts) to \(to.hearts)\(tierEn)")
        }

        let harmFrom = previous.harmLevel
        let harmTo = current.harmLevel
        if let harmTo, harmTo.isMoreSevere(than: harmFrom) {
            if let harmFrom {
                rises.append(
                    "伤害等级由\(harmFrom.chineseName)加重为\(harmTo.chineseName)"
                        + "（\(harmTo.chineseSummary)） / Harm level more severe: "
                        + "\(harmFrom.rawValue) → \(harmTo.rawValue) (\(harmTo.englishSummary))")
            } else {
                rises.append(
                    "新评定伤害等级\(harmTo.chineseName)（\(harmTo.chineseSummary)） / "
                        + "Harm level newly recorded: \(harmTo.rawValue) (\(harmTo.englishSummary))"
                )
            }
        } else if let harmFrom, HarmLevel.isMoreSevere(harmFrom, than: harmTo) {
            if let harmTo {
                falls.append(
                    "伤害等级由\(harmFrom.chineseName)减轻为\(harmTo.chineseName) / "
                        + "Harm level improved: \(harmFrom.rawValue) → \(harmTo.rawValue)")
            } else {
                falls.append(
                    "伤害等级已解除（原为\(harmFrom.chineseName)） / "
                        + "Harm level cleared (was \(harmFrom.rawValue))")
            }
        }

        let outcome: EscalationDecision.Outcome
        let reasons: [String]
        if !rises.isEmpty {
            outcome = .escalated
            reasons = rises + falls + current.decidingReasons
        } else if !falls.isEmpty {
            outcome = .deescalated
            reasons = falls
        } else {
            outcome = .unchanged
            reasons = [
                "关爱等级（\(to.chineseName)）与伤害等级均无变化 / "
                    + "No change in care level (\(to.hearts)) or harm level"
            ]
        }
        return EscalationDecision(
            outcome: outcome, isFirstAssessment: false, fromCareLevel: from, toCareLevel: to,
            fromHarmLevel: harmFrom, toHarmLevel: harmTo, reasons: reasons)
    }

    /// A first assessment: an escalation only above the policy's alert lines.
    private static func first(_ current: CareRating, policy: EscalationPolicy)
        -> EscalationDecision
    {
        let level = current.careLevel
        var alerts: [String] = []
        if level >= policy.firstAssessmentAlertFromCareLevel {
            alerts.append(
                "首次评估即为\(level.chineseName)\(level.tier == .key ? "重点关注" : "") / "
                    + "First assessment: care level \(level.hearts)"
                    + (level.tier == .key ? " (key tier)" : ""))
        }
        if let harm = current.harmLevel,
            !policy.firstAssessmentAlertFromHarmLevel.isMoreSevere(than: harm)
        {
            alerts.append(
                "首次评估伤害等级为\(harm.chineseName)（\(harm.chineseSummary)） / "
                    + "First assessment: harm level \(harm.rawValue) (\(harm.englishSummary))")
        }
        let outcome: EscalationDecision.Outcome = alerts.isEmpty ? .baseline : .escalated
        let reasons =
            alerts.isEmpty
            ? [
                "首次评估：\(level.chineseName)，\(level.tier.chineseName) / "
                    + "First assessment: care level \(level.hearts), \(level.tier.englishName)"
            ]
            : alerts + current.decidingReasons
        return EscalationDecision(
            outcome: outcome, isFirstAssessment: true, fromCareLevel: nil, toCareLevel: level,
            fromHarmLevel: nil, toHarmLevel: current.harmLevel, reasons: reasons)
    }
}
