/// The one-SMS rule: a Chinese SMS is sent in UCS-2, 70 characters (UTF-16 units) a message;
/// anything longer is split and billed as several, and some handsets show the parts out of order.
public enum SMSText {
    /// Characters in one Chinese SMS.
    public static let limit = 70

    /// The length the gateway counts.
    public static func length(_ text: String) -> Int { text.utf16.count }

    /// `text` cut to one SMS, ending in "…" when it had to be cut.
    public static func fit(_ text: String, limit: Int = SMSText.limit) -> String {
        guard length(text) > limit else { return text }
        var kept = ""
        for character in text {
            if length(kept) + character.utf16.count + 1 > limit { break }
            kept.append(character)
        }
        return kept + "…"
    }
}
