import Foundation
import ShouhuEvents

/// A resident ID number (居民身份证号码, GB 11643-1999, 公民身份号码), checked and normalised.
///
/// Seed 000 篇二 asks for the child's identity in each file ("一人一档"); the number is sensitive
/// personal information (敏感个人信息), so this type never prints it in clear: `description`,
/// `debugDescription` and its mirror (what `dump` and `print` use) all show `masked`. Only
/// `unmasked` gives the eighteen characters, for sealing the number at rest and for comparing.
/// It is deliberately not `Codable`: an encoder would write it in clear into a log, a response or
/// an event (contract.md: "The resident ID number never travels in an event").
///
/// Layout of the 18 characters:
/// - 1–6: the administrative division where the number was issued (GB/T 2260). Only the first two
///   digits are checked against the province table: division codes are retired over the years and
///   a number keeps the code it was issued under (shared/data/README.md).
/// - 7–14: date of birth, `YYYYMMDD`.
/// - 15–17: sequence number; the 17th digit is odd for a male and even for a female.
/// - 18: the ISO 7064 MOD 11-2 check character, `0`–`9` or `X`.
///
/// Full-width digits and `Ｘ` (what a Chinese input method types) are accepted and normalised, and
/// a lowercase `x` becomes `X`.
public struct ResidentIDNumber: Sendable, Hashable, CustomStringConvertible,
    CustomDebugStringConvertible, CustomReflectable
{
    /// The eighteen characters in clear, with an uppercase `X`. Use it only to seal the number at
    /// rest or to compare it; never log it or put it in an event.
    public let unmasked: String

    /// The date of birth in characters 7–14.
    public let birthDate: CalendarDate

    /// The gender the 17th digit records: odd is male, even is female.
    public let gender: Gender

    /// Weights of the first 17 digits in the ISO 7064 MOD 11-2 sum (2^(18-i) mod 11).
    static let checkWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

    /// The check character for each remainder of the weighted sum modulo 11.
    static let checkCharacters: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

    /// The earliest birth year accepted: nobody born before 1900 is in the register this county
    /// keeps, and a year before it is far likelier a typing error.
    public static let earliestBirthYear = 1900

    /// Parses and checks a number typed or imported by an officer.
    ///
    /// Checks, in order: surrounding whitespace is trimmed; the length is 18 (a 15-digit
    /// first-generation number gets its own message); 17 digits then a digit or `X`; the first
    /// two digits are a province; characters 7–14 are a real date not before 1900 and not after
    /// `today`; the check character matches.
    /// - Parameters:
    ///   - text: the number as entered.
    ///   - today: the county's today (`CalendarDate(Date())`), to refuse a birth date in the future.
    /// - Throws: `ResidentIDNumberError` naming the first check that failed. Its message never
    ///   repeats the number.
    public init(_ text: String, today: CalendarDate) throws(ResidentIDNumberError) {
        let trimmed = text.trimmedWhitespace
        let characters = trimmed.utf8.contains(where: { $0 == 0xE3 || $0 == 0xEF })
            ? Array(trimmed).map(FullWidth.toHalfWidth) : Array(trimmed)
        guard !characters.isEmpty else { throw .empty }
        if characters.count == 15, characters.allSatisfy(\.isASCIIDigit) {
            throw .firstGeneration
        }
        guard characters.count == 18 else { throw .wrongLength(characters.count) }

        var digits: [Int] = []
        digits.reserveCapacity(17)
        for (index, character) in characters.prefix(17).enumerated() {
            guard let digit = character.asciiDigitValue else {
                throw .badCharacter(position: index + 1, character: character)
            }
            digits.append(digit)
        }
        var last = characters[17]
        if last == "x" { last = "X" }
        guard last.isASCIIDigit || last == "X" else {
            throw .badCharacter(position: 18, character: characters[17])
        }

        let province = String(characters[0..<2])
        guard ProvinceCodes.names[province] != nil else { throw .unknownProvince(province) }

        let year = digits[6...9].reduce(0) { $0 * 10 + $1 }
        let month = digits[10] * 10 + digits[11]
        let day = digits[12] * 10 + digits[13]
        guard let birthDate = CalendarDate(year: year, month: month, day: day) else {
            throw .impossibleBirthDate
        }
        guard year >= Self.earliestBirthYear else { throw .birthDateTooEarly }
        guard birthDate <= today else { throw .birthDateInFuture }

        let expected = Self.checkCharacter(for: digits)
        guard last == expected else { throw .checkCharacterMismatch(found: last, expected: expected) }

        self.unmasked = String(characters.prefix(17)) + String(last)
        self.birthDate = birthDate
        self.gender = digits[16] % 2 == 1 ? .male : .female
    }

    /// Parses like `init(_:today:)`, as a `Result` for callers that collect problems.
    public static func parse(_ text: String, today: CalendarDate)
        -> Result<ResidentIDNumber, ResidentIDNumberError>
    {
        Result { () throws(ResidentIDNumberError) in try ResidentIDNumber(text, today: today) }
    }

    /// The ISO 7064 MOD 11-2 check character of the first 17 digits: the weighted sum modulo 11
    /// indexes `10X98765432`. Exposed so tests and fixtures can build valid numbers.
    /// - Parameter digits: exactly 17 digits, each 0–9.
    public static func checkCharacter(for digits: [Int]) -> Character {
        precondition(digits.count == 17, "a resident ID number has 17 digits before its check character")
        var sum = 0
        for (digit, weight) in zip(digits, checkWeights) { sum += digit * weight }
        return checkCharacters[sum % 11]
    }

    /// The first six digits: the division code the number was issued under (it may be retired).
    public var issuingDivisionCode: String { String(unmasked.prefix(6)) }

    /// The number with the date of birth and sequence hidden: first 6 characters, `********`, last
    /// 4 (`110105********002X`). Safe for logs, lists and screens.
    public var masked: String {
        String(unmasked.prefix(6)) + "********" + String(unmasked.suffix(4))
    }

    /// Whether a date of birth recorded elsewhere in the file is the one in the number.
    public func agrees(withBirthDate date: CalendarDate) -> Bool {
        date == birthDate
    }

    /// Always the masked form, so string interpolation cannot leak the number.
    public var description: String { masked }

    /// Always the masked form, so `String(reflecting:)` and the debugger cannot leak the number.
    public var debugDescription: String { "ResidentIDNumber(\(masked))" }

    /// A mirror with only the masked form, so `dump` cannot leak the number.
    public var customMirror: Mirror {
        Mirror(self, children: ["masked": masked], displayStyle: .struct)
    }
}

extension Character {
    /// The value of an ASCII digit `0`–`9`, or nil for anything else (other scripts' digits too).
    var asciiDigitValue: Int? {
        guard let ascii = asciiValue, ascii >= 48, ascii <= 57 else { return nil }
        return Int(ascii - 48)
    }

    /// Whether this is one of the ASCII digits `0`–`9`.
    var isASCIIDigit: Bool { asciiDigitValue != nil }
}
