import Foundation
@testable import IntakeDomain
import Testing

/// The fast paths taken for speed in checking a file must answer exactly as the Foundation calls
/// they replace.
@Suite("Trimming and key fast paths agree with Foundation")
struct WhitespaceTrimmingTests {
    /// Every scalar Foundation's `whitespacesAndNewlines` holds (on Linux the zero-width space
    /// too), and some that look like space but are not whitespace (BOM, middle dot).
    static let spaces: [Unicode.Scalar] = [
        "\t", "\n", "\u{0B}", "\u{0C}", "\r", " ", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{2005}",
        "\u{200A}", "\u{200B}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}",
    ]
    static let notSpaces: [Unicode.Scalar] = ["\u{FEFF}", "\u{B7}", "x", "张", "\u{1F600}", "\u{301}"]

    @Test func trimsWhatFoundationTrims() {
        var samples = ["", " ", "张三", "  张三  ", "a b", "\r\n", "\r\n王小明\r\n", "李\u{3000}", "Ｘ１２"]
        for space in Self.spaces + Self.notSpaces {
            let s = String(space)
            samples += [s, s + "张三", "张三" + s, s + "a" + s, "a" + s + "b", s + s + "王" + s + s]
        }
        for sample in samples {
            #expect(sample.trimmedWhitespace == sample.trimmingCharacters(in: .whitespacesAndNewlines), "\(Array(sample.unicodeScalars))")
        }
        // Every scalar of the Basic Multilingual Plane is trimmed here exactly when Foundation
        // trims it.
        for value in 0..<0x10000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let sample = String(scalar) + "中" + String(scalar)
            #expect(sample.trimmedWhitespace == sample.trimmingCharacters(in: .whitespacesAndNewlines), "U+\(String(value, radix: 16))")
        }
    }

    @Test func plainNamesKeepTheirKeyWithoutNFKC() {
        for name in ["王小明", "张三", "li ming", "abc123", "䶵乾", "王小明2", "ＬＩ", "Li", "买买提·艾力", "龘", "𠀀字"] {
            let slow = String(name.precomposedStringWithCompatibilityMapping.filter { !$0.isWhitespace }).lowercased()
            if !name.contains("·") {
                #expect(DuplicateKey.normalizedName(name) == slow, "\(name)")
            }
        }
        #expect(DuplicateKey.normalizedName("王小明") == "王小明")
    }

    @Test func halfWidthFoldingSkipsTextWithoutFullWidthForms() {
        #expect(FullWidth.toHalfWidth("520330101201") == "520330101201")
        #expect(FullWidth.toHalfWidth("５２０３３０") == "520330")
        #expect(FullWidth.toHalfWidth("a\u{3000}b") == "a b")
    }
}
