/// The canonical fields of a child's file (一人一档, seed 000 篇二, 003 篇一) that a ledger
/// spreadsheet can fill. The raw values are the names the HTTP layer uses.
public enum LedgerField: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    // MARK: - Identity
    /// 姓名
    case name
    /// 性别: `Gender` raw value.
    case gender
    /// 出生日期 / 出生年月: `YYYY-MM-DD`.
    case birthDate
    /// 身份证号: 18 characters, the last a digit or `X` (the check character is not verified here).
    case idNumber

    // MARK: - School
    /// 学段: `SchoolStage` raw value.
    case schoolStage
    /// 学校 / 学校代码: as written (a code or a school's name; the intake service resolves it).
    case schoolId
    /// 年级: the year of schooling, 1–12 (一年级 = 1, 初一 = 7, 高一 = 10), as `SchoolGradeParser`
    /// reads it; none for a kindergarten class or a university year.
    case grade
    /// 班级
    case className

    // MARK: - Home
    /// 村代码 / 村(居)委会代码 / 行政区划代码: digits.
    case villageCode
    /// 家庭住址
    case address

    // MARK: - Parents (父母动态)
    /// 父亲状况: `ParentStatus` raw value.
    case fatherStatus
    /// 父亲务工地点
    case fatherPlace
    /// 父亲外出时间: `YYYY-MM-DD` (a year and month become the first of the month).
    case fatherSince
    /// 父亲电话: digits and dashes, a leading `+` kept.
    case fatherPhone
    /// 母亲状况: `ParentStatus` raw value.
    case motherStatus
    /// 母亲务工地点
    case motherPlace
    /// 母亲外出时间: `YYYY-MM-DD`.
    case motherSince
    /// 母亲电话
    case motherPhone

    // MARK: - Guardian (监护人情况)
    /// 监护人姓名
    case guardianName
    /// 监护人关系 / 与儿童关系: `GuardianRelation` raw value.
    case guardianRelation
    /// 监护人电话
    case guardianPhone
    /// 监护人年龄: whole years.
    case guardianAge
    /// 监护人健康状况
    case guardianHealth

    // MARK: - Circumstances
    /// 家庭情况: `FamilyFlag` raw values joined by commas; `""` when the ledger says none (无).
    case familyFlags
    /// 健康状况
    case health
    /// 特殊需求: special needs in words. Not in the ledger's usual columns, but in the child's
    /// file (seed 003 篇一).
    case specialNeeds
    /// 学习状况
    case studyStatus

    /// The fields a ledger file must have columns for, by default: without them no child's file
    /// can be started. A county may require more through `ImportOptions.requiredFields`.
    public static let defaultRequired: [LedgerField] = [.name, .gender, .birthDate, .villageCode]

    /// The usual Chinese column title, for messages.
    public var chineseTitle: String {
        switch self {
        case .name: "姓名"
        case .gender: "性别"
        case .birthDate: "出生日期"
        case .idNumber: "身份证号"
        case .schoolStage: "学段"
        case .schoolId: "学校"
        case .grade: "年级"
        case .className: "班级"
        case .villageCode: "村代码"
        case .address: "家庭住址"
        case .fatherStatus: "父亲状况"
        case .fatherPlace: "父亲务工地点"
        case .fatherSince: "父亲外出时间"
        case .fatherPhone: "父亲电话"
        case .motherStatus: "母亲状况"
        case .motherPlace: "母亲务工地点"
        case .motherSince: "母亲外出时间"
        case .motherPhone: "母亲电话"
        case .guardianName: "监护人姓名"
        case .guardianRelation: "监护人关系"
        case .guardianPhone: "监护人电话"
        case .guardianAge: "监护人年龄"
        case .guardianHealth: "监护人健康状况"
        case .familyFlags: "家庭情况"
        case .health: "健康状况"
        case .specialNeeds: "特殊需求"
        case .studyStatus: "学习状况"
        }
    }

    /// Declaration order, so that lists of fields read like the ledger.
    public static func < (lhs: LedgerField, rhs: LedgerField) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
