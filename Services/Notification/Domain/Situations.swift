import ShouhuEvents

/// How many days people get to act on each kind of notice (the "by when" in each message).
public struct ActionDeadlines: Sendable, Hashable {
    /// An urgent escalation: see the child within this many days (1 = by tomorrow).
    public var urgentDays = 1
    public var escalationDays = 7
    public var firstVisitDays = 7
    public var firstAssessmentDays = 15
    public var closingDays = 7

    public init() {}
}

/// Turns each consumed event, with what the directory knows, into the situation the planner
/// routes: the same rules whether tested alone or run by the service.
public struct Situations: Sendable {
    public var today: CalendarDate
    public var deadlines: ActionDeadlines

    public init(today: CalendarDate, deadlines: ActionDeadlines = ActionDeadlines()) {
        self.today = today
        self.deadlines = deadlines
    }

    private func by(_ days: Int) -> String { ChineseLabels.date(today.adding(days: days)) }

    private func label(_ child: ChildFacts?, _ childId: String) -> String {
        child?.name ?? ChineseLabels.unknownChild(childId)
    }

    public func riskEscalated(_ event: RiskEscalated, child: ChildFacts?, mentors: [MentorFacts]) -> Situation {
        let urgent = Urgency.isUrgent(event)
        return Situation(
            kind: .riskEscalated, template: urgent ? .riskEscalatedUrgent : .riskEscalated,
            values: ["child": label(child, event.childId), "careLevel": String(event.toCareLevel),
                     "harmLevel": event.toHarmLevel.map(String.init) ?? "未定",
                     "by": by(urgent ? deadlines.urgentDays : deadlines.escalationDays)],
            child: child, childId: event.childId, mentors: mentors, urgent: urgent)
    }

    public func reassessmentDue(_ event: ReassessmentDue, child: ChildFacts?, mentors: [MentorFacts]) -> Situation {
        Situation(kind: .reassessmentDue, template: .reassessmentDue,
                  values: ["child": label(child, event.childId), "by": ChineseLabels.date(event.dueOn),
                           "why": ChineseLabels.reassessment(event.why)],
                  child: child, childId: event.childId, mentors: mentors)
    }

    public func mentorAssigned(_ event: MentorAssigned, child: ChildFacts?, mentor: MentorFacts?) -> Situation {
        Situation(kind: .mentorAssigned, template: .mentorAssigned,
                  values: ["child": label(child, event.childId), "by": by(deadlines.firstVisitDays),
                           "pairing": ChineseLabels.pairing(event.pairing)],
                  child: child, childId: event.childId, mentors: mentor.map { [$0] } ?? [])
    }

    public func mentorUnassigned(_ event: MentorUnassigned, child: ChildFacts?, mentor: MentorFacts?) -> Situation {
        Situation(kind: .mentorUnassigned, template: .mentorUnassigned,
                  values: ["child": label(child, event.childId), "reason": ChineseLabels.unassignment(event.reason)],
                  child: child, childId: event.childId, mentors: mentor.map { [$0] } ?? [])
    }

    /// A new child: the officers who subscribed hear of it (no mentor is paired yet).
    public func childRegistered(_ event: ChildRegistered, child: ChildFacts) -> Situation {
        Situation(kind: .childRegistered, template: .childRegistered,
                  values: ["child": event.name, "by": by(deadlines.firstAssessmentDays)],
                  child: child, childId: event.childId, mentors: [])
    }

    public func childUpdated(_ event: ChildUpdated, child: ChildFacts?, mentors: [MentorFacts]) -> Situation {
        let fields = event.changedFields.map(ChineseLabels.field).joined(separator: "、")
        return Situation(kind: .childUpdated, template: .childUpdated,
                         values: ["child": label(child, event.childId), "fields": fields],
                         child: child, childId: event.childId, mentors: mentors)
    }

    public func childExited(_ event: ChildExited, child: ChildFacts?, mentors: [MentorFacts]) -> Situation {
        Situation(kind: .childExited, template: .childExited,
                  values: ["child": label(child, event.childId), "on": ChineseLabels.date(event.on),
                           "reason": ChineseLabels.exitReason(event.reason), "by": by(deadlines.closingDays)],
                  child: child, childId: event.childId, mentors: mentors)
    }

    /// A mentor's monthly report (家长通报): the parents working away hear how their child is, who
    /// reported and how to call them. Any other kind of visit, an exited or unknown child, or a
    /// child with no parent away and reachable is nil. Concerns are named only in the detail,
    /// never in the SMS.
    public func visitRecorded(_ event: VisitRecorded, child: ChildFacts?, mentor: MentorFacts?) -> Situation? {
        guard event.kind == .parentReport, let child, !child.exited, !child.parents.isEmpty else { return nil }
        let concerns = event.concerns
        let note = concerns.isEmpty ? "学习生活情况良好" : "有\(concerns.count)项情况需要关注"
        let listed = concerns.isEmpty ? "" : "需要关注：" + concerns.joined(separator: "；") + "。"
        return Situation(kind: .parentReport, template: .parentReport,
                         values: ["child": child.name, "mentor": mentor?.contact.name ?? "",
                                  "phone": mentor?.contact.phone ?? "未登记电话", "on": ChineseLabels.date(event.on),
                                  "note": note, "concerns": listed],
                         child: child, childId: event.childId, mentors: [], parents: child.parents)
    }

    /// A batch approved: county-wide subscribers (funding officers) hear of it.
    public func disbursementApproved(_ event: DisbursementApproved) -> Situation {
        Situation(kind: .disbursementApproved, template: .disbursementApproved,
                  values: ["period": event.period, "count": String(event.count), "amount": ChineseLabels.yuan(event.totalFen)],
                  child: nil, childId: nil, mentors: [])
    }

    /// A settlement: only a failed payment is a notice; a paid one is nil.
    public func disbursementSettled(_ event: DisbursementSettled, child: ChildFacts?) -> Situation? {
        guard event.outcome == .failed else { return nil }
        return Situation(kind: .disbursementSettled, template: .disbursementFailed,
                         values: ["child": label(child, event.childId), "batch": String(event.batchId.prefix(8)),
                                  "amount": ChineseLabels.yuan(event.amountFen), "reason": event.reason ?? "未说明"],
                         child: child, childId: event.childId, mentors: [])
    }
}
