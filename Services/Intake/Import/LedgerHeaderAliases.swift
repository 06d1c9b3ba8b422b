/// The column titles villages and schools actually use for each field, in Chinese and English.
/// Titles are compared after `TextFolding.compactKey` (full-width folded, lower-cased, spaces and
/// `*:_-'.` removed), so `出生 日期*`, `ＩＤ Number` and `father's_phone` need no entries of their
/// own.
enum LedgerHeaderAliases {
    /// compact key → field.
    static let table: [String: LedgerField] = {
        var table: [String: LedgerField] = [:]
        func add(_ field: LedgerField, _ titles: [String]) {
            for title in titles {
                let key = TextFolding.compactKey(title)
                precondition(table[key] == nil || table[key] == field, "alias \(title) maps to two fields")
                table[key] = field
            }
        }
        // Every field answers to its canonical name (`birthDate`, `guardian_phone`).
        for field in LedgerField.allCases {
            add(field, [field.rawValue])
        }
        add(.name, [
            "姓名", "儿童姓名", "学生姓名", "留守儿童姓名", "幼儿姓名", "名字",
            "name", "child name", "child's name", "full name", "student name",
        ])
        add(.gender, ["性别", "gender", "sex"])
        add(.birthDate, [
            "出生日期", "出生年月", "出生年月日", "出生时间", "生日", "出生日期(年月日)",
            "birth date", "date of birth", "dob", "birthday", "born",
        ])
        add(.idNumber, [
            "身份证号", "身份证号码", "公民身份号码", "身份证", "身份证件号码", "证件号码", "儿童身份证号",
            "儿童身份证号码", "学生身份证号", "学生身份证号码", "居民身份证号码",
            "id number", "id no", "id card", "id card number", "resident id", "resident id number",
            "national id",
        ])
        add(.schoolStage, [
            "学段", "就学阶段", "在学阶段", "就读学段", "就读阶段", "学习阶段", "在校阶段", "就学情况",
            "school stage", "stage", "education stage", "school level",
        ])
        add(.schoolId, [
            "学校", "学校代码", "学校名称", "就读学校", "所在学校", "就读学校名称", "学校标识码",
            "school", "school id", "school code", "school name",
        ])
        add(.grade, ["年级", "就读年级", "所在年级", "grade", "school year"])
        add(.className, ["班级", "班", "所在班级", "就读班级", "class", "class name", "form"])
        add(.villageCode, [
            "村代码", "村(居)委会代码", "村委会代码", "村居委会代码", "村(社区)代码", "社区代码", "村编码",
            "行政区划代码", "区划代码", "统计用区划代码", "村级代码", "所在村代码",
            "village code", "village id", "division code", "administrative division code",
        ])
        add(.address, [
            "家庭住址", "住址", "家庭地址", "家庭详细住址", "现住址", "家庭现住址", "居住地址", "详细地址",
            "户籍地址",
            "address", "home address", "residence",
        ])

        for (prefixes, english, status, place, since, phone) in [
            (["父亲", "父"], ["father", "fathers", "dad"],
             LedgerField.fatherStatus, LedgerField.fatherPlace, LedgerField.fatherSince, LedgerField.fatherPhone),
            (["母亲", "母"], ["mother", "mothers", "mum", "mom"],
             LedgerField.motherStatus, LedgerField.motherPlace, LedgerField.motherSince, LedgerField.motherPhone),
        ] {
            func combine(_ chinese: [String], _ englishSuffixes: [String]) -> [String] {
                prefixes.flatMap { p in chinese.map { p + $0 } }
                    + english.flatMap { p in englishSuffixes.map { p + " " + $0 } }
            }
            add(status, combine(
                ["状况", "情况", "状态", "动态", "现状", "务工情况", "外出情况", "是否外出", "是否外出务工", "去向",
                 "外出务工情况", "就业情况"],
                ["status", "situation", "state"]))
            add(place, combine(
                ["务工地点", "务工地", "外出务工地点", "外出地点", "工作地点", "打工地点", "务工地址", "所在地",
                 "外出地", "务工单位", "工作单位", "务工所在地", "外出务工地", "外出务工地址"],
                ["place", "workplace", "work place", "location", "city", "whereabouts"]))
            add(since, combine(
                ["外出时间", "外出务工时间", "离家时间", "外出日期", "务工时间", "外出年月", "外出起始时间"],
                ["since", "away since", "left", "left on", "date left", "leaving date"]))
            add(phone, combine(
                ["电话", "联系电话", "手机", "手机号", "手机号码", "电话号码", "联系方式"],
                ["phone", "mobile", "tel", "telephone", "phone number", "contact"]))
        }

        let guardianPrefixes = ["监护人", "委托监护人", "临时监护人", "实际监护人"]
        func guardian(_ suffixes: [String]) -> [String] {
            guardianPrefixes.flatMap { p in suffixes.map { p + $0 } }
        }
        add(.guardianName, guardianPrefixes + guardian(["姓名", "名字"]) + ["guardian", "guardian name", "guardian's name"])
        add(.guardianRelation, guardian(["关系", "与儿童关系", "与儿童的关系", "与留守儿童关系", "与孩子关系", "与本人关系"]) + [
            "与儿童关系", "与儿童的关系", "与留守儿童关系", "与孩子关系", "监护关系", "与被监护人关系",
            "guardian relation", "guardian relationship", "relationship", "relation", "relation to child",
            "relationship to child",
        ])
        add(.guardianPhone, guardian(["电话", "联系电话", "手机", "手机号", "手机号码", "电话号码", "联系方式"]) + [
            "guardian phone", "guardian mobile", "guardian tel", "guardian telephone", "guardian contact",
        ])
        add(.guardianAge, guardian(["年龄", "岁数"]) + ["guardian age"])
        add(.guardianHealth, guardian(["健康状况", "身体状况", "健康情况", "身体情况", "健康", "身体健康状况"]) + [
            "guardian health",
        ])
        add(.familyFlags, [
            "家庭情况", "家庭状况", "家庭类型", "家庭困难情况", "家庭经济状况", "家庭特殊情况", "困境类型",
            "family flags", "family situation", "family circumstances", "family", "family status",
        ])
        add(.health, [
            "健康状况", "身体状况", "健康情况", "身体情况", "儿童健康状况", "身体健康状况",
            "health", "health status", "physical health",
        ])
        add(.specialNeeds, ["特殊需求", "特殊需要", "特殊教育需求", "special needs", "needs"])
        add(.studyStatus, [
            "学习状况", "学习情况", "学习成绩", "学业情况", "在校表现",
            "study status", "studies", "academic status", "school performance",
        ])
        return table
    }()
}
