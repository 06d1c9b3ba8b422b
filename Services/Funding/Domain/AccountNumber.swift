/// A payee's bank account number (收款账号): Chinese bank cards have 16 to 19 digits and
/// passbook or company accounts up to about 25, so 8 to 30 digits are accepted once spaces and
/// hyphens are taken out. It is shown masked everywhere but in the payment file the bank reads.
public enum AccountNumber {
    /// The digits of `text` without spaces or hyphens, or nil if anything else is left or the
    /// length is not 8 to 30 digits.
    public static func normalized(_ text: String) -> String? {
        let digits = text.filter { $0 != " " && $0 != "-" && $0 != "\u{3000}" }
        guard (8...30).contains(digits.count), digits.allSatisfy(\.isASCIIDigit) else { return nil }
        return digits
    }

    /// `6222021234567890123` → `6222***********0123`: the first four (the bank's range) and the
    /// last four kept, every other digit starred.
    public static func masked(_ number: String) -> String {
        let characters = Array(number)
        guard characters.count > 8 else { return String(repeating: "*", count: max(0, characters.count - 2)) + String(characters.suffix(2)) }
        return String(characters.prefix(4)) + String(repeating: "*", count: characters.count - 8) + String(characters.suffix(4))
    }
}
