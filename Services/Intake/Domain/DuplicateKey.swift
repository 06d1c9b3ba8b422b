import Foundation
import ShouhuEvents

/// The key that makes two files likely the same child when neither has a resident ID number:
/// the same name, date of birth and village (疑似重复). Stored in an indexed column so the check
/// runs in the database at scale; a pair an officer has judged "not the same child" is kept
/// apart by the store, not by this key.
///
/// The name is normalised so that what an input method or a careless space changes does not
/// hide a duplicate: trimmed, full-width characters folded to half-width (NFKC), all whitespace
/// removed (`张 三` = `张三`), the middle dots of minority names (间隔号: `・`, `•`, `‧`, `.`)
/// written as `·`, and Latin letters lowercased.
public struct DuplicateKey: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The normalised name.
    public let name: String
    /// The date of birth.
    public let birthDate: CalendarDate
    /// The village code (12 digits).
    public let villageCode: String

    /// Makes the key of a child; `name` is normalised here.
    public init(name: String, birthDate: CalendarDate, villageCode: String) {
        self.name = Self.normalizedName(name)
        self.birthDate = birthDate
        self.villageCode = FullWidth.toHalfWidth(villageCode.trimmedWhitespace)
    }

    /// Characters written for the middle dot (间隔号) in names such as 买买提·艾力.
    static let middleDots: Set<Character> = ["・", "•", "‧", "∙", "⋅", ".", "･"]

    /// A name as the key compares it.
    public static func normalizedName(_ name: String) -> String {
        if isAlreadyNormal(name) { return name }
        let folded = name.precomposedStringWithCompatibilityMapping
        var result = ""
        for character in folded where !character.isWhitespace {
            result.append(middleDots.contains(character) ? "·" : character)
        }
        return result.lowercased()
    }

    /// True when `normalizedName` would give the name back unchanged, decided on its bytes: it
    /// holds only lower-case ASCII letters, digits and the ideographs U+4000–U+9FFF (lead bytes
    /// E4–E9), none of which NFKC, lower-casing or the whitespace and dot rules change. Nearly
    /// every Chinese name passes, and skips Foundation's NFKC, the slowest step of the key.
    private static func isAlreadyNormal(_ name: String) -> Bool {
        var continuation = 0
        for byte in name.utf8 {
            if continuation > 0 {
                guard (0x80...0xBF).contains(byte) else { return false }
                continuation -= 1
                continue
            }
            switch byte {
            case 0x61...0x7A, 0x30...0x39: continue
            case 0xE4...0xE9: continuation = 2
            default: return false
            }
        }
        return continuation == 0
    }

    /// One string for an indexed column: `name|YYYY-MM-DD|villageCode`.
    public var value: String { "\(name)|\(birthDate)|\(villageCode)" }

    /// The column value.
    public var description: String { value }
}
