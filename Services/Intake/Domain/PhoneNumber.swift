import Foundation

/// A phone number in a child's file (联系电话): a mainland mobile number, or a landline.
///
/// Accepted, after trimming and folding full-width characters: an optional `+86` (then an
/// optional space or dash); then either an 11-digit mobile number (手机号) starting with 13–19,
/// spaces or dashes between its groups allowed (`138 0013 8000`), or a landline (固定电话) of 7 to
/// 20 digits and dashes, starting and ending with a digit (`0851-22345678`,
/// `0851-22345678-801`). A number of digits only that starts with 1 is read as a mobile number.
/// `value` is the normalised form: a mobile's 11 digits, or a landline as typed without spaces (a
/// `+86` landline gets its trunk `0` back: `+86 851-2234567` → `0851-2234567`).
public struct PhoneNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Mobile or landline.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// 手机.
        case mobile
        /// 固定电话.
        case landline
    }

    /// The normalised number, as stored.
    public let value: String
    /// Mobile or landline.
    public let kind: Kind

    /// Reads a phone number, or nil when it is neither a mobile nor a landline number.
    public init?(_ text: String) {
        // Read on UTF-8 bytes: every accepted character is ASCII once full-width forms are
        // folded, so anything else refuses the number.
        let folded = FullWidth.toHalfWidth(text.trimmedWhitespace)
        var body = Array(folded.utf8)
        guard body.allSatisfy({ $0 < 0x80 }) else { return nil }
        let space = UInt8(ascii: " "), dash = UInt8(ascii: "-"), zero = UInt8(ascii: "0")
        var international = false
        if body.starts(with: "+86".utf8) {
            international = true
            body.removeFirst(3)
            if body.first == space || body.first == dash { body.removeFirst() }
        }
        body.removeAll { $0 == space }
        let digits = body.filter { $0 != dash }
        guard !digits.isEmpty, digits.allSatisfy({ (zero...UInt8(ascii: "9")).contains($0) }) else { return nil }
        let doubleDash = zip(body, body.dropFirst()).contains { $0 == dash && $1 == dash }

        if digits[0] == UInt8(ascii: "1") {
            guard digits.count == 11, (UInt8(ascii: "3")...UInt8(ascii: "9")).contains(digits[1]),
                body.first != dash, body.last != dash, !doubleDash
            else { return nil }
            self.value = String(decoding: digits, as: UTF8.self)
            self.kind = .mobile
            return
        }
        guard (7...20).contains(body.count), digits.count >= 7, body.first != dash, body.last != dash, !doubleDash
        else { return nil }
        let number = String(decoding: body, as: UTF8.self)
        self.value = international && digits[0] != zero ? "0" + number : number
        self.kind = .landline
    }

    /// What an officer is told when a number is refused.
    public static let rule =
        "A phone number is an 11-digit mobile number starting with 1, or a landline of 7 to 20 "
        + "digits and dashes, optionally after +86 (手机号为11位数字；固定电话为7至20位数字和短横线)."

    /// The normalised number.
    public var description: String { value }

    /// Decodes from a string, refusing one that is not a phone number.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let number = PhoneNumber(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: Self.rule)
        }
        self = number
    }

    /// Encodes the normalised number as a string.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
