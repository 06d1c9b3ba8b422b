import Foundation

/// Every message template, in Chinese by default. A county replaces any of them without a
/// rebuild by naming a JSON file in `SHOUHU_NOTIFICATION_TEMPLATES`:
/// `{"risk.escalated": {"title": "…", "sms": "…", "detail": "…"}, …}`; keys it leaves out keep
/// the defaults. A file with an unknown key, an unknown placeholder or an SMS text that cannot
/// fit one message (checked with long sample values) is refused as a whole.
public struct TemplateBook: Sendable {
    public private(set) var templates: [TemplateKey: MessageTemplate]

    /// The built-in Chinese texts.
    public static let standard = TemplateBook(templates: [
        .riskEscalated: MessageTemplate(
            title: "风险上升：{child}",
            sms: "【守护】{child}关爱等级升至{careLevel}级，请于{by}前入户核实并更新帮扶计划。",
            detail: "您帮扶或负责的儿童{child}最新评估关爱等级升至{careLevel}级（伤害等级{harmLevel}）。请于{by}前入户核实情况，并更新帮扶计划。"),
        .riskEscalatedUrgent: MessageTemplate(
            title: "紧急：{child}风险升高",
            sms: "【守护】紧急：{child}关爱等级{careLevel}级、伤害等级{harmLevel}，请于{by}前当面核实并上报乡镇。",
            detail: "紧急：儿童{child}评估为关爱等级{careLevel}级、伤害等级{harmLevel}。请于{by}前当面核实儿童安全，必要时联系派出所、卫生院，并上报乡镇。"),
        .reassessmentDue: MessageTemplate(
            title: "待复评：{child}",
            sms: "【守护】{child}需复评（{why}），请于{by}前完成评估。",
            detail: nil),
        .mentorAssigned: MessageTemplate(
            title: "新结对：{child}",
            sms: "【守护】您已与{child}结对帮扶（{pairing}），请于{by}前完成首次家访。",
            detail: nil),
        .mentorUnassigned: MessageTemplate(
            title: "结对解除：{child}",
            sms: "【守护】您与{child}的结对帮扶已解除（{reason}）。",
            detail: nil),
        .childRegistered: MessageTemplate(
            title: "新登记：{child}",
            sms: "【守护】新登记留守儿童{child}，请于{by}前完成首次评估与结对。",
            detail: nil),
        .childUpdated: MessageTemplate(
            title: "档案更新：{child}",
            sms: "【守护】{child}的档案已更新：{fields}，请核对帮扶信息。",
            detail: nil),
        .childExited: MessageTemplate(
            title: "退出名单：{child}",
            sms: "【守护】{child}已于{on}退出关爱名单（{reason}），请于{by}前完成结案记录。",
            detail: nil),
        .visitOverdueDigest: MessageTemplate(
            title: "今日逾期帮扶任务{count}项",
            sms: "【守护】您有{count}项帮扶任务逾期（{children}），最长{maxDays}天，请尽快完成。",
            detail: "您有{count}项帮扶任务逾期，最长已逾期{maxDays}天，请尽快完成并在系统中记录：\n{list}"),
        .disbursementApproved: MessageTemplate(
            title: "资助批次{period}已批准",
            sms: "【守护】资助批次{period}已批准：{count}人，共{amount}元，请按时发放。",
            detail: nil),
        .disbursementFailed: MessageTemplate(
            title: "资助发放失败：{child}",
            sms: "【守护】{child}资助{amount}元发放失败（{reason}），请核实账户后重发。",
            detail: "批次{batch}中{child}的资助{amount}元发放失败，原因：{reason}。请核实收款账户后重新发放。"),
        .parentReport: MessageTemplate(
            title: "{child}本月情况报告",
            sms: "【守护】{child}本月情况：{note}。帮扶人{mentor}（{phone}）于{on}报告。",
            detail: "您的孩子{child}本月的学习和生活情况已由帮扶人{mentor}于{on}报告：{note}。{concerns}如需了解详情，请致电{phone}。"),
    ])

    public init(templates: [TemplateKey: MessageTemplate]) {
        self.templates = templates
    }

    /// The standard book with a county's JSON file laid over it.
    public static func overriding(with json: Data) throws(TemplateError) -> TemplateBook {
        let decoded: [String: MessageTemplate]
        do {
            decoded = try JSONDecoder().decode([String: MessageTemplate].self, from: json)
        } catch {
            throw TemplateError(key: nil, reason: "not a JSON object of {title, sms, detail} templates: \(error)")
        }
        var book = standard
        for (name, template) in decoded.sorted(by: { $0.key < $1.key }) {
            guard let key = TemplateKey(rawValue: name) else {
                throw TemplateError(key: name, reason: "no such template; known: \(TemplateKey.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            try check(template, for: key)
            book.templates[key] = template
        }
        return book
    }

    /// Refuses a template that names a placeholder it cannot have, or whose SMS text with long
    /// sample values does not fit one SMS.
    public static func check(_ template: MessageTemplate, for key: TemplateKey) throws(TemplateError) {
        let allowed = Set(key.placeholders.keys)
        for text in [template.title, template.sms, template.detail ?? ""] {
            if let unknown = MessageTemplate.placeholders(in: text).subtracting(allowed).sorted().first {
                throw TemplateError(key: key.rawValue, reason: "unknown placeholder {\(unknown)}; allowed: \(allowed.sorted().joined(separator: ", "))")
            }
        }
        if template.title.isEmpty || template.sms.isEmpty {
            throw TemplateError(key: key.rawValue, reason: "title and sms must not be empty")
        }
        // The digest fits its list of children to the room left, so it is checked without it.
        var samples = key.placeholders
        if key == .visitOverdueDigest { samples["children"] = "" }
        let length = SMSText.length(MessageTemplate.fill(template.sms, samples))
        if length > SMSText.limit {
            throw TemplateError(key: key.rawValue, reason: "the sms text takes \(length) characters with long values; one SMS holds \(SMSText.limit)")
        }
    }

    /// Renders a message; the SMS text is cut to one SMS if an unusually long value overflows it.
    public func render(_ key: TemplateKey, _ values: [String: String]) -> RenderedMessage {
        let template = templates[key] ?? Self.standard.templates[key]!
        let sms = SMSText.fit(MessageTemplate.fill(template.sms, values))
        let detail = template.detail.map { MessageTemplate.fill($0, values) } ?? MessageTemplate.fill(template.sms, values)
        return RenderedMessage(title: MessageTemplate.fill(template.title, values), sms: sms, detail: detail)
    }

    /// The raw template for `key`.
    public func template(_ key: TemplateKey) -> MessageTemplate {
        templates[key] ?? Self.standard.templates[key]!
    }
}

/// A county template file that cannot be used, naming the template and why.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    public var key: String?
    public var reason: String

    public init(key: String?, reason: String) {
        self.key = key
        self.reason = reason
    }

    public var description: String { key.map { "template \($0): \(reason)" } ?? reason }
}
