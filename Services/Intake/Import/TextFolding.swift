/// Text clean-up shared by header matching and value normalisation. Ledgers are typed by hand on
/// Chinese keyboards, so full-width letters, digits and spaces (`１２３`, `（`, U+3000) and stray
/// invisible characters are everywhere; they are folded before anything is compared.
enum TextFolding {
    /// Full-width ASCII variants (U+FF01–U+FF5E) become ASCII, the ideographic space (U+3000) and
    /// no-break space become a plain space, and zero-width characters and stray BOMs are dropped.
    static func halfWidth(_ text: String) -> String {
        guard scanBytes(text).hasSpecialScalars else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E:
                scalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000, 0x00A0, 0x2007, 0x202F:
                scalars.append(" ")
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
                continue
            default:
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// The text with full-width characters folded and whitespace (including newlines typed with
    /// Alt+Enter inside a cell) trimmed from both ends, and every inner run of whitespace
    /// collapsed to one space.
    static func cleaned(_ text: String) -> String {
        let scan = scanBytes(text)
        if !scan.hasSpecialScalars {
            return scan.hasASCIIWhitespace ? collapsingASCIIWhitespace(text) : text
        }
        let folded = halfWidth(text)
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            result.append(scalar)
        }
        return String(result)
    }

    // MARK: - Fast paths
    //
    // Every cell of every row passes through `cleaned`; asking each scalar for its Unicode
    // properties made that the slowest part of an import. Most cells hold no byte that can start a
    // full-width form or a non-ASCII space, and those need no scalar-by-scalar work.

    /// What a byte scan of the UTF-8 found.
    private struct ByteScan {
        /// ASCII whitespace: tab, line feed, vertical tab, form feed, carriage return, space.
        var hasASCIIWhitespace = false
        /// A lead byte of a scalar that `halfWidth` or the Unicode whitespace test may change:
        /// C2 (U+0080–00BF: NEL, no-break space), E1 (U+1680), E2 (U+2000–2FFF: spaces,
        /// zero-width characters), E3 (U+3000, the ideographic space) and EF (full-width forms,
        /// the BOM).
        var hasSpecialScalars = false
    }

    private static func scanBytes(_ text: String) -> ByteScan {
        var scan = ByteScan()
        for byte in text.utf8 {
            switch byte {
            case 0x09...0x0D, 0x20: scan.hasASCIIWhitespace = true
            case 0xC2, 0xE1, 0xE2, 0xE3, 0xEF:
                scan.hasSpecialScalars = true
                return scan
            default: continue
            }
        }
        return scan
    }

    /// `cleaned` for text whose only whitespace is ASCII: trims and collapses on bytes.
    private static func collapsingASCIIWhitespace(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            switch byte {
            case 0x09...0x0D, 0x20:
                pendingSpace = !bytes.isEmpty
            default:
                if pendingSpace {
                    bytes.append(0x20)
                    pendingSpace = false
                }
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A key for looking up headers and values: folded, lower-cased, and with all whitespace and
    /// the punctuation people sprinkle on headers (`*` for required, `:`, `_`, `-`, `'`, `.`)
    /// removed. `"父亲 务工\n地点："` and `"Father's work-place"` both become comparable keys.
    static func compactKey(_ text: String) -> String {
        if isAlreadyCompact(text) { return text }
        var result = String.UnicodeScalarView()
        for scalar in halfWidth(text).lowercased().unicodeScalars {
            if scalar.properties.isWhitespace { continue }
            switch scalar {
            case "*", ":", "_", "-", "'", "\u{2019}", ".", "\u{3002}", "\u{00B7}", "#", "\u{FF0A}",
                "\u{FE61}":
                continue
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// True when `compactKey` would return the text unchanged: it holds only lower-case ASCII
    /// letters, digits and punctuation that is kept, and the common CJK ideographs (lead bytes
    /// E4–E9), so no scalar needs folding, lower-casing or removing.
    private static func isAlreadyCompact(_ text: String) -> Bool {
        for byte in text.utf8 {
            switch byte {
            case 0x61...0x7A, 0x30...0x39, 0x80...0xBF, 0xE4...0xE9, UInt8(ascii: "("), UInt8(ascii: ")"),
                UInt8(ascii: "/"), UInt8(ascii: "&"), UInt8(ascii: "+"), UInt8(ascii: ","):
                continue
            default:
                return false
            }
        }
        return true
    }

    /// The text with parenthesised remarks removed: `出生日期（年月日）`, `身份证号[18位]`,
    /// `姓名【必填】` all lose the bracketed part.
    static func withoutParentheticals(_ text: String) -> String {
        let opening: Set<Unicode.Scalar> = ["(", "[", "\u{3010}", "<", "\u{3014}", "\u{300A}", "{"]
        let closing: Set<Unicode.Scalar> = [")", "]", "\u{3011}", ">", "\u{3015}", "\u{300B}", "}"]
        var depth = 0
        var result = String.UnicodeScalarView()
        for scalar in halfWidth(text).unicodeScalars {
            if opening.contains(scalar) {
                depth += 1
            } else if closing.contains(scalar) {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether a scalar is a CJK ideograph (basic block, extensions A–G and compatibility forms).
    static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: return true
        default: return false
        }
    }

    /// A person's name: cleaned, with the spaces people type between the characters of a Chinese
    /// name to align a column (`张  三`) removed; spaces in other names (`Li Na`) stay.
    static func personName(_ text: String) -> String {
        let cleanedText = cleaned(text)
        guard cleanedText.utf8.contains(0x20) else { return cleanedText }
        let scalars = Array(cleanedText.unicodeScalars)
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar == " ", index > 0, index + 1 < scalars.count, isIdeograph(scalars[index - 1]),
                isIdeograph(scalars[index + 1])
            {
                continue
            }
            result.append(scalar)
        }
        return String(result)
    }
}
