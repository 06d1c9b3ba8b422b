/// Reads the grade (年级) cells of ledgers as the year of schooling the intake domain counts, from
/// the first year of primary school: 一年级 = 1 … 六年级 = 6, 初一 (七年级) = 7 … 初三 = 9,
/// 高一 = 10 … 高三 = 12 (`ChildFileInput.grade`). Vocational first years count as 10 like
/// senior high.
public enum SchoolGradeParser {
    /// What a cell holds.
    public enum Parsed: Sendable, Hashable {
        /// A year of schooling, 1–12.
        case year(Int)
        /// A stage without school years: a kindergarten class (大班, 学前班) or a university year
        /// (大二).
        case noSchoolYear
        /// Not a grade we can read.
        case invalid
    }

    /// Parses a cell: `三年级`, `3`, `3年级`, `小学三年级`, `初二`, `八年级`, `初中二年级`, `高一`,
    /// `高中一年级`, `职高二年级`, `Grade 4`, `三年级2班` (the class is ignored).
    public static func parse(_ text: String) -> Parsed {
        var key = TextFolding.compactKey(text)
        if let range = key.firstRange(of: "年级") {
            key = String(key[..<range.upperBound])
        }
        if namesKindergarten(key) { return .noSchoolYear }
        for prefix in ["大", "研", "博"] where key.hasPrefix(prefix) && key.count == 2 {
            if number(String(key.dropFirst())) != nil { return .noSchoolYear }
        }
        for prefix in ["grade", "year", "g", "p"] where key.hasPrefix(prefix) {
            key = String(key.dropFirst(prefix.count))
            break
        }
        // Stage words decide the offset: 初一, 初中二年级 → 6 +; 高一, 高中, 职高, 中职 → 9 +.
        var offset = 0
        var rest = key
        for (words, stageOffset) in [
            (["初中", "初"], 6), (["高中", "职高", "中职", "职中", "中专", "高"], 9), (["小学"], 0),
        ] {
            if let word = words.first(where: { rest.hasPrefix($0) }) {
                offset = stageOffset
                rest = String(rest.dropFirst(word.count))
                break
            }
        }
        if rest.hasSuffix("年级") { rest = String(rest.dropLast(2)) }
        guard let year = number(rest) else { return .invalid }
        let limit = offset == 0 ? 12 : 3
        guard (1...limit).contains(year) else { return .invalid }
        return .year(offset + year)
    }

    private static let kindergartenWords = ["小班", "中班", "大班", "学前班", "托班", "幼儿园", "学前"]
    private static let kindergartenWordBytes = kindergartenWords.map { Array($0.utf8) }

    /// Whether the key holds a kindergarten word. Every grade cell of a ledger comes through
    /// here, and Foundation's `contains` was a tenth of reading a row, so a key of only ASCII and
    /// common CJK ideographs (lead bytes E4–E9, one scalar per character, none that decomposes)
    /// is searched byte by byte, which finds exactly what `contains` finds; any other key still
    /// goes through `contains`.
    private static func namesKindergarten(_ key: String) -> Bool {
        let bytes = Array(key.utf8)
        guard bytes.allSatisfy({ $0 < 0xC0 || (0xE4...0xE9).contains($0) }) else {
            return kindergartenWords.contains { key.contains($0) }
        }
        return kindergartenWordBytes.contains { word in
            bytes.count >= word.count
                && (0...(bytes.count - word.count)).contains { bytes[$0..<$0 + word.count].elementsEqual(word) }
        }
    }

    private static let digits: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]

    /// `3`, `三`, `十二` → the number; nil otherwise.
    private static func number(_ text: String) -> Int? {
        if let value = Int(text) { return value }
        let characters = Array(text)
        switch characters.count {
        case 1:
            return characters[0] == "十" ? 10 : digits[characters[0]]
        case 2 where characters[0] == "十":
            return digits[characters[1]].map { 10 + $0 }
        default:
            return nil
        }
    }
}
