import Foundation
import Testing

@testable import ShouhuEvents

/// The byte-level shortcuts in `FieldFormat` (which validation runs for every event encoded and
/// decoded) give exactly what the character-level rules they replace gave.
@Suite struct FieldFormatFastPathTests {
    /// The character-level rules as they were written before the shortcuts.
    enum Reference {
        static func trimmed(_ text: String) -> Substring {
            guard let start = text.firstIndex(where: { !$0.isWhitespace }),
                let end = text.lastIndex(where: { !$0.isWhitespace })
            else { return "" }
            return text[start...end]
        }

        static func isLowercaseUUID(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            guard bytes.count == 36 else { return false }
            for (index, byte) in bytes.enumerated() {
                if index == 8 || index == 13 || index == 18 || index == 23 {
                    guard byte == UInt8(ascii: "-") else { return false }
                } else {
                    guard (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                        || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
                    else { return false }
                }
            }
            return true
        }

        static func isPhone(_ text: String) -> Bool {
            var rest = Substring(text)
            if rest.hasPrefix("+86") {
                rest = rest.dropFirst(3)
                if rest.first == " " || rest.first == "-" { rest = rest.dropFirst() }
            }
            let bytes = Array(rest.utf8)
            guard let first = bytes.first, let last = bytes.last else { return false }
            let dash = UInt8(ascii: "-")
            let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
            if !bytes.contains(dash) {
                guard bytes.allSatisfy(isDigit) else { return false }
                if first == UInt8(ascii: "1") { return bytes.count == 11 }
            }
            guard (7...20).contains(bytes.count), isDigit(first), isDigit(last),
                bytes.allSatisfy({ isDigit($0) || $0 == dash }), bytes.filter(isDigit).count >= 7
            else { return false }
            return !zip(bytes, bytes.dropFirst()).contains { $0 == dash && $1 == dash }
        }
    }

    @Test func everyWhiteSpaceScalarIsSeen() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isWhitespace else { continue }
            let alone = String(scalar)
            #expect(FieldFormat.mayHoldWhitespace(alone), "U+\(String(value, radix: 16))")
            #expect(FieldFormat.mayHoldWhitespace("李" + alone + "x"), "U+\(String(value, radix: 16))")
        }
    }

    /// Pieces that trimming treats specially: white space of every kind, combining marks (which
    /// join the character before them), CR LF, a prepended mark, text on either side.
    static let pieces = [
        " ", "\t", "\r\n", "\n", "\u{A0}", "\u{85}", "\u{3000}", "\u{2028}", "\u{200B}", "\u{FEFF}", "\u{301}",
        "\u{600}", "a", "李", "é", "👧🏽", "\u{1C}", "\u{7F}", "\u{E3}\u{80}",
    ]

    @Test func trimmedIsTheCharacterRule() {
        var texts = [""]
        for first in Self.pieces {
            texts.append(first)
            for second in Self.pieces {
                texts.append(first + second)
                for third in Self.pieces { texts.append(first + second + third) }
            }
        }
        for text in texts {
            let fast = FieldFormat.trimmed(text), reference = Reference.trimmed(text)
            #expect(Array(fast.unicodeScalars) == Array(reference.unicodeScalars), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func isPhoneIsTheCharacterRule() {
        var texts = [
            "13885812345", "+86 13912345678", "+86-13912345678", "+8613912345678", "0851-28221234", "+86 0851-28221234",
            "+86\u{301}13912345678", "+86 \u{301}13912345678", "+8\u{FF16}13912345678", "\u{FF11}3885812345",
            "+86\r\n13912345678", "1388581234\u{301}5", "", "+86", "+86 ", "0851--28221234", "-0851-2822123",
        ]
        let digits = (0...9).map(String.init)
        let alphabet = digits + digits + digits + ["+", " ", "-", "-", "\u{301}", "é", "\u{FF11}", "\r", "\n", "\r\n"]
        var generator = SeededRandom(seed: 86)
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...16, using: &generator)
            var text = Int.random(in: 0..<3, using: &generator) == 0 ? "+86" : ""
            for _ in 0..<length { text += alphabet.randomElement(using: &generator)! }
            texts.append(text)
        }
        for text in texts {
            #expect(FieldFormat.isPhone(text) == Reference.isPhone(text), "\(Array(text.unicodeScalars))")
        }
        // Enough of them are phone numbers for the comparison to mean something.
        #expect(texts.filter(Reference.isPhone).count > 200)
    }

    @Test func isLowercaseUUIDIsTheRule() {
        let uuid = "9b2f1c3e-5d4a-4e8b-9a61-2f3c4d5e6f70"
        var texts = [uuid, "", uuid.uppercased(), uuid + "0", String(uuid.dropLast()), "-" + uuid.dropFirst()]
        // Every byte of a good id replaced, in turn, by bytes that are and are not allowed there.
        let replacements = Array("0af-gA/:`{ é".utf8) + [0x00, 0x7F, 0xFF]
        for index in 0..<36 {
            for byte in replacements {
                var bytes = Array(uuid.utf8)
                bytes[index] = byte
                texts.append(String(decoding: bytes, as: UTF8.self))
            }
        }
        // Dashes moved: as many as ever, in the wrong places.
        texts.append("9b2f1c3e5-d4a-4e8b-9a61-2f3c4d5e6f70")
        texts.append("9b2f1c3e-5d4a-4e8b-9a61-2f3c4d5e6f7-")
        for text in texts {
            #expect(FieldFormat.isLowercaseUUID(text) == Reference.isLowercaseUUID(text), "\(text)")
        }
    }
}
