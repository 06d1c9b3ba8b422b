import ShouhuEvents

/// The words ledgers use for the ledger's enumerated values, in Chinese and English, mapped to
/// the shared vocabulary in `ShouhuEvents`. Lookups use `TextFolding.compactKey`, so case,
/// full-width forms and spaces do not matter; every enum also answers to its own raw value.
public enum LedgerVocabulary {
    /// 性别. `1`/`2` are the national code (GB/T 2261.1).
    public static func gender(_ text: String) -> Gender? {
        genders[TextFolding.compactKey(text)]
    }

    /// 学段.
    public static func schoolStage(_ text: String) -> SchoolStage? {
        stages[TextFolding.compactKey(text)]
    }

    /// 父亲/母亲状况.
    public static func parentStatus(_ text: String) -> ParentStatus? {
        parentStatuses[TextFolding.compactKey(text)]
    }

    /// 监护人与儿童关系.
    public static func guardianRelation(_ text: String) -> GuardianRelation? {
        relations[TextFolding.compactKey(text)]
    }

    /// One family circumstance (家庭情况), e.g. `低保户`.
    public static func familyFlag(_ text: String) -> FamilyFlag? {
        familyFlags[TextFolding.compactKey(text)]
    }

    /// Words that mean "no special circumstances" in a 家庭情况 cell.
    public static func meansNoFlags(_ text: String) -> Bool {
        noFlagWords.contains(TextFolding.compactKey(text))
    }

    /// Cell contents that stand for "nothing here" in Chinese ledgers (`/`, `-`, `—`, `无` is not
    /// among them: it is a real answer for some fields).
    public static func isPlaceholder(_ text: String) -> Bool {
        // Every placeholder starts with a slash, a dash or an n and is short; checking that first
        // spares ordinary cells the folding.
        guard let first = text.utf8.first, text.utf8.count <= 12 else { return text.isEmpty }
        switch first {
        case UInt8(ascii: "/"), UInt8(ascii: "\\"), UInt8(ascii: "-"), UInt8(ascii: "n"), UInt8(ascii: "N"), 0xE2, 0xEF:
            return placeholders.contains(TextFolding.compactKey(text))
        default:
            return false
        }
    }

    // MARK: - Tables

    private static func table<Value: RawRepresentable>(_ entries: [(Value, [String])]) -> [String: Value]
    where Value.RawValue == String {
        var table: [String: Value] = [:]
        for (value, words) in entries {
            for word in words + [value.rawValue] {
                let key = TextFolding.compactKey(word)
                precondition(table[key] == nil || table[key]!.rawValue == value.rawValue, "\(word) is ambiguous")
                table[key] = value
            }
        }
        return table
    }

    private static let genders: [String: Gender] = table([
        (.male, ["男", "男性", "男孩", "男生", "男童", "m", "male", "boy", "1"]),
        (.female, ["女", "女性", "女孩", "女生", "女童", "f", "female", "girl", "2"]),
    ])

    private static let stages: [String: SchoolStage] = table([
        (.preschool, ["学前", "学龄前", "学前教育", "幼儿园", "幼儿", "托幼", "婴幼儿", "散居", "preschool", "kindergarten"]),
        (.primary, ["小学", "小学阶段", "primary", "primary school", "elementary"]),
        (.juniorHigh, ["初中", "初级中学", "初中阶段", "junior high", "junior high school", "middle school", "junior secondary"]),
        (.seniorHigh, ["高中", "高级中学", "普通高中", "高中阶段", "senior high", "senior high school", "high school"]),
        (.vocational, ["中职", "中专", "职高", "技校", "职业高中", "中等职业学校", "中职学校", "职中", "vocational", "vocational school"]),
        (.university, ["大学", "大专", "本科", "高校", "高等院校", "大学及以上", "专科", "高职", "university", "college"]),
        (.notInSchool, ["未在学", "辍学", "失学", "未上学", "未入学", "休学", "not in school", "dropout", "dropped out", "out of school"]),
    ])

    private static let parentStatuses: [String: ParentStatus] = table([
        (.workingAway, [
            "外出务工", "外出", "务工", "在外务工", "外出打工", "打工", "外地务工", "省外务工", "省内务工", "县外务工",
            "外出经商", "外出工作", "外出务工经商", "working away", "away", "migrant", "migrant worker", "working",
        ]),
        (.atHome, ["在家", "在家务农", "务农", "在本地", "本地务工", "在家务工", "居家", "在家照顾", "at home", "home"]),
        (.deceased, ["去世", "死亡", "已故", "病故", "过世", "已去世", "亡故", "deceased", "dead", "died"]),
        (.disabledOrIll, [
            "残疾或重病", "残疾", "重病", "重病或残疾", "残疾/重病", "重残", "患重病", "丧失劳动能力", "无监护能力", "重度残疾",
            "disabled", "ill", "seriously ill", "disabled or ill", "disabled or seriously ill",
        ]),
        (.unknown, ["不详", "下落不明", "失联", "未知", "离家出走", "不清楚", "unknown", "missing"]),
    ])

    private static let relations: [String: GuardianRelation] = table([
        (.grandparent, [
            "祖父母", "外祖父母", "爷爷", "奶奶", "外公", "外婆", "姥姥", "姥爷", "祖父", "祖母", "外祖父", "外祖母",
            "爷爷奶奶", "外公外婆", "姥姥姥爷", "爷孙", "祖孙",
            "grandparent", "grandparents", "grandfather", "grandmother", "grandpa", "grandma",
        ]),
        (.otherRelative, [
            "其他亲属", "亲属", "亲戚", "叔叔", "叔父", "伯父", "伯伯", "姑姑", "姑妈", "舅舅", "舅妈", "姨妈", "姨", "婶婶",
            "哥哥", "姐姐", "兄", "姐", "兄长", "叔伯", "其他亲戚",
            "other relative", "relative", "aunt", "uncle", "sibling", "brother", "sister",
        ]),
        (.parent, ["父亲", "母亲", "父", "母", "父母", "parent", "father", "mother"]),
        (.designated, [
            "社区指定", "村委会指定", "指定监护人", "指定", "村(居)委会指定", "社区指定监护人", "民政部门指定",
            "designated", "community designated", "appointed",
        ]),
        (.none, ["无", "无人监护", "没有", "无监护人", "none", "no guardian"]),
    ])

    private static let familyFlags: [String: FamilyFlag] = table([
        (.singleParent, ["单亲", "单亲家庭", "single parent", "single-parent"]),
        (.parentDisabledOrIll, [
            "父母残疾或重病", "父母残疾", "父母重病", "父母残疾/重病", "父(母)残疾或重病", "父亲残疾", "母亲残疾",
            "父亲重病", "母亲重病", "父母一方残疾或重病", "parent disabled or ill", "parent disabled",
            "parent ill",
        ]),
        (.orphan, ["孤儿", "orphan"]),
        (.minimumAllowance, ["低保", "低保户", "低保家庭", "城乡低保", "农村低保", "minimum allowance", "dibao"]),
        (.povertyRegistered, [
            "建档立卡", "建档立卡户", "建档立卡贫困户", "贫困户", "poverty registered", "registered poor",
        ]),
    ])

    private static let noFlagWords: Set<String> = Set(["无", "正常", "一般", "否", "none", "no", "normal"].map(TextFolding.compactKey))

    private static let placeholders: Set<String> = Set(
        ["/", "\\", "--", "—", "——", "－", "n/a", "null", "—/—"].map(TextFolding.compactKey) + [""]
    )
}
