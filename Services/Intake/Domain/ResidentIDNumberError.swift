/// Why a resident ID number (居民身份证号码) was refused. The HTTP layer answers
/// `400 invalid_id_number` with `message`; `reason` tells the cases apart in an import's per-row
/// result. No case carries the number, its birth date or its sequence, so printing or logging an
/// error cannot leak them.
public enum ResidentIDNumberError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing but whitespace was entered.
    case empty
    /// A 15-digit first-generation number (第一代居民身份证). Those cards stopped being valid on
    /// 1 January 2013; the 18-digit number is in the household register (户口簿).
    case firstGeneration
    /// Not 18 characters after trimming.
    case wrongLength(Int)
    /// A character that may not stand at that place (1-based): the first 17 must be digits, the
    /// 18th a digit or `X`.
    case badCharacter(position: Int, character: Character)
    /// The first two digits are not a province, autonomous region or municipality.
    case unknownProvince(String)
    /// Characters 7–14 are not a day of the calendar (month 13, 29 February in a common year).
    case impossibleBirthDate
    /// Characters 7–14 are a date before 1900.
    case birthDateTooEarly
    /// Characters 7–14 are a date after today.
    case birthDateInFuture
    /// The 18th character is not the ISO 7064 MOD 11-2 check character of the first 17 digits.
    case checkCharacterMismatch(found: Character, expected: Character)

    /// The error code the HTTP layer answers with, the same for every case.
    public var code: String { "invalid_id_number" }

    /// A short snake_case name of the case, for an import's per-row result and for metrics.
    public var reason: String {
        switch self {
        case .empty: "empty"
        case .firstGeneration: "first_generation"
        case .wrongLength: "wrong_length"
        case .badCharacter: "bad_character"
        case .unknownProvince: "unknown_province"
        case .impossibleBirthDate: "impossible_birth_date"
        case .birthDateTooEarly: "birth_date_too_early"
        case .birthDateInFuture: "birth_date_in_future"
        case .checkCharacterMismatch: "check_character_mismatch"
        }
    }

    /// What went wrong, in words an officer at the desk understands (English, with the Chinese).
    public var message: String {
        switch self {
        case .empty:
            return "The resident ID number is empty (身份证号码为空)."
        case .firstGeneration:
            return "This is a 15-digit first-generation ID number; those stopped being valid on "
                + "1 January 2013. Enter the 18-digit number from the ID card or the household "
                + "register (第一代15位身份证号码已于2013年1月1日停止使用，请填写户口簿上的18位号码)."
        case .wrongLength(let count):
            return "A resident ID number has 18 characters; this one has \(count) "
                + "(身份证号码应为18位，当前为\(count)位)."
        case .badCharacter(let position, let character):
            let allowed = position == 18 ? "a digit or X" : "a digit"
            return "Character \(position) is \"\(character)\" but must be \(allowed) "
                + "(第\(position)位字符不正确：前17位必须是数字，第18位是数字或X)."
        case .unknownProvince(let code):
            return "The number starts with \(code), which is not a province code "
                + "(前两位\(code)不是有效的省级行政区划代码)."
        case .impossibleBirthDate:
            return "Characters 7 to 14 are not a real date of birth "
                + "(第7至14位出生日期不存在)."
        case .birthDateTooEarly:
            return "The date of birth in characters 7 to 14 is before 1900 "
                + "(第7至14位出生日期早于1900年)."
        case .birthDateInFuture:
            return "The date of birth in characters 7 to 14 is in the future "
                + "(第7至14位出生日期晚于今天)."
        case .checkCharacterMismatch(let found, let expected):
            return "The last character is \(found) but the first 17 digits give the check "
                + "character \(expected): a digit was probably mistyped "
                + "(校验码应为\(expected)，当前为\(found)，请核对号码)."
        }
    }

    /// The message, so logging the error shows nothing but it.
    public var description: String { message }
}
