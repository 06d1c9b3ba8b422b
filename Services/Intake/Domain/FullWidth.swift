/// Folding of full-width forms (全角) to their ASCII (半角) counterparts. A Chinese input method
/// types `１２３`, `Ｘ`, `－` and the ideographic space U+3000; officers do not see the difference,
/// so numbers, codes and duplicate keys must not either.
enum FullWidth {
    /// The ASCII counterpart of a full-width character (U+FF01–U+FF5E, and U+3000 → space);
    /// any other character unchanged.
    static func toHalfWidth(_ character: Character) -> Character {
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first
        else { return character }
        switch scalar.value {
        case 0x3000:
            return " "
        case 0xFF01...0xFF5E:
            return Character(Unicode.Scalar(scalar.value - 0xFEE0)!)
        default:
            return character
        }
    }

    /// The string with every full-width character folded to ASCII.
    /// Text without a byte that can start U+3000 (E3) or a full-width form (EF), nearly all of
    /// it, comes back as it is.
    static func toHalfWidth(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0xE3 || $0 == 0xEF }) else { return text }
        return String(text.map(toHalfWidth))
    }
}
