/// Which message a template writes. A county overrides a template by this key in its JSON file.
public enum TemplateKey: String, Codable, Sendable, CaseIterable, Hashable {
    case riskEscalated = "risk.escalated"
    case riskEscalatedUrgent = "risk.escalated.urgent"
    case reassessmentDue = "reassessment.due"
    case mentorAssigned = "mentor.assigned"
    case mentorUnassigned = "mentor.unassigned"
    case childRegistered = "child.registered"
    case childUpdated = "child.updated"
    case childExited = "child.exited"
    case visitOverdueDigest = "visit.overdue.digest"
    case disbursementApproved = "disbursement.approved"
    case disbursementFailed = "disbursement.settled.failed"
    case parentReport = "visit.recorded.parent_report"

    /// The placeholders this template may use, each with a long sample value: a template is
    /// checked with these so a county's text that cannot fit one SMS is refused at start.
    public var placeholders: [String: String] {
        let child = "欧阳诸葛明月"
        switch self {
        case .riskEscalated, .riskEscalatedUrgent:
            return ["child": child, "careLevel": "4", "harmLevel": "1", "by": "12月31日"]
        case .reassessmentDue:
            return ["child": child, "by": "12月31日", "why": "学期复评"]
        case .mentorAssigned:
            return ["child": child, "by": "12月31日", "pairing": "一对一"]
        case .mentorUnassigned:
            return ["child": child, "reason": "儿童退出关爱名单"]
        case .childRegistered:
            return ["child": child, "by": "12月31日"]
        case .childUpdated:
            return ["child": child, "fields": "监护人、父母"]
        case .childExited:
            return ["child": child, "on": "12月31日", "reason": "父母返乡", "by": "12月31日"]
        case .visitOverdueDigest:
            return ["count": "120", "children": child + "、" + child, "maxDays": "365", "list": child]
        case .disbursementApproved:
            return ["period": "2026-12", "count": "50000", "amount": "99999999.99"]
        case .disbursementFailed:
            return ["child": child, "batch": "a1b2c3d4", "amount": "9999.99", "reason": "账户已销户"]
        case .parentReport:
            return ["child": child, "mentor": child, "phone": "13800000000", "on": "12月31日", "note": "有12项情况需要关注",
                    "concerns": child]
        }
    }
}
