import ShouhuEvents

/// One overdue obligation waiting in a mentor's digest.
public struct DigestItem: Sendable, Hashable {
    public var childId: String
    public var childName: String
    public var obligation: Obligation
    public var dueOn: CalendarDate
    public var daysOverdue: Int

    public init(childId: String, childName: String, obligation: Obligation, dueOn: CalendarDate, daysOverdue: Int) {
        self.childId = childId
        self.childName = childName
        self.obligation = obligation
        self.dueOn = dueOn
        self.daysOverdue = daysOverdue
    }
}

/// Writes a mentor's daily digest: the most overdue first, the SMS naming as many children as fit
/// in one message ("等" when some are left out), the inbox and e-mail listing every item.
public struct DigestComposer: Sendable {
    public var templates: TemplateBook

    public init(templates: TemplateBook = .standard) {
        self.templates = templates
    }

    public func compose(_ items: [DigestItem]) -> RenderedMessage {
        let ordered = items.sorted { ($0.daysOverdue, $1.childName) > ($1.daysOverdue, $0.childName) }
        var names: [String] = []
        for item in ordered where !names.contains(item.childName) { names.append(item.childName) }
        let list = ordered.map {
            "· \($0.childName)：\(ChineseLabels.obligation($0.obligation))，应于\(ChineseLabels.date($0.dueOn))完成，已逾期\($0.daysOverdue)天"
        }.joined(separator: "\n")
        var values = ["count": String(ordered.count), "maxDays": String(ordered.first?.daysOverdue ?? 0), "list": list]
        let template = templates.template(.visitOverdueDigest)
        var shown = "", shownCount = 0
        for (index, name) in names.enumerated() {
            let candidate = shown.isEmpty ? name : shown + "、" + name
            values["children"] = candidate + (index < names.count - 1 ? "等" : "")
            guard SMSText.length(MessageTemplate.fill(template.sms, values)) <= SMSText.limit else { break }
            shown = candidate
            shownCount = index + 1
        }
        values["children"] = shown.isEmpty ? "\(names.count)名儿童" : shown + (shownCount < names.count ? "等" : "")
        return templates.render(.visitOverdueDigest, values)
    }
}
