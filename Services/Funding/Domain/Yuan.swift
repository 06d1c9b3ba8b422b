/// Money in the relief fund is whole fen (分, 1/100 yuan), never a floating number. This turns
/// fen into the yuan text that payment files and people read (`1300.00`) and back.
public enum Yuan {
    /// `130000` fen → `"1300.00"`; negative amounts keep their sign.
    public static func text(fen: Int64) -> String {
        let sign = fen < 0 ? "-" : ""
        let magnitude = fen.magnitude
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// Reads a yuan amount with at most two decimals (`800`, `800.5`, `800.00`) as fen; nil for
    /// anything else (a third decimal, a sign, a thousands separator, an empty string).
    public static func fen(from text: Substring) -> Int64? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.count <= 15, whole.allSatisfy(\.isASCIIDigit) else { return nil }
        var fen = Int64(whole)! * 100
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy(\.isASCIIDigit) else { return nil }
            fen += Int64(fraction)! * (fraction.count == 1 ? 10 : 1)
        }
        return fen
    }
}

extension Character {
    /// `0`–`9` only, not other scripts' digits.
    /// Whether the character is one of the ASCII digits.
    public var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
