/// The levels of a GB/T 2260 administrative division code as this programme uses them: six
/// digits for a county, nine for a township (乡镇, the county's code plus three), twelve for a
/// village or community (村/社区, the township's code plus three).
///
/// Services other than intake keep no registry of names; they need only to know which township
/// and county a village belongs to, which the code itself says.
public enum DivisionCode {
    /// The six-digit county a code lies in, or `nil` if it is not 6, 9 or 12 digits.
    public static func county(of code: String) -> String? {
        isWellFormed(code) ? String(code.prefix(6)) : nil
    }

    /// The nine-digit township of a village code (or the township code itself), else `nil`.
    public static func township(of code: String) -> String? {
        isWellFormed(code) && code.count >= 9 ? String(code.prefix(9)) : nil
    }

    /// Whether `code` is a 6-, 9- or 12-digit code of ASCII digits.
    public static func isWellFormed(_ code: String) -> Bool {
        [6, 9, 12].contains(code.utf8.count) && code.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// Whether `code` lies within `division` (a county, township or the village itself).
    public static func contains(_ division: String, _ code: String) -> Bool {
        isWellFormed(division) && isWellFormed(code) && code.count >= division.count && code.hasPrefix(division)
    }
}
