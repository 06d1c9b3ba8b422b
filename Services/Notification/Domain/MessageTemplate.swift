/// One message's texts: a `title` (inbox heading, e-mail subject), an `sms` text that must fit
/// one SMS (70 characters), and an optional longer `detail` for the inbox and e-mail (the SMS
/// text is used when there is none). Placeholders are written `{name}`.
public struct MessageTemplate: Codable, Sendable, Hashable {
    public var title: String
    public var sms: String
    public var detail: String?

    public init(title: String, sms: String, detail: String? = nil) {
        self.title = title
        self.sms = sms
        self.detail = detail
    }

    /// Fills `{name}` placeholders from `values`; an unknown placeholder is left as written.
    public static func fill(_ text: String, _ values: [String: String]) -> String {
        var output = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            output += rest[..<open]
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { output += rest[open...]; return output }
            let name = String(after[..<close])
            output += values[name] ?? "{\(name)}"
            rest = after[after.index(after: close)...]
        }
        return output + rest
    }

    /// The placeholder names a text uses.
    public static func placeholders(in text: String) -> Set<String> {
        var names = Set<String>()
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            names.insert(String(after[..<close]))
            rest = after[after.index(after: close)...]
        }
        return names
    }
}

/// A rendered message, ready for every channel.
public struct RenderedMessage: Sendable, Hashable, Codable {
    public var title: String
    /// At most `SMSText.limit` characters.
    public var sms: String
    public var detail: String
}
