import Foundation
import ShouhuEvents

/// Turns one cell's text into a field's normalised value (see `LedgerField` for each form), or
/// says why it cannot.
public enum LedgerValueNormalizer {
    /// What a cell gave.
    public enum Outcome: Sendable, Hashable {
        /// A normalised value.
        case value(String)
        /// Nothing: an empty cell or a placeholder such as `/` or `—`.
        case empty
        /// A value that cannot be used; the message is for the user.
        case problem(LedgerProblem.Code, String)
    }

    /// Normalises a cell for a field.
    public static func normalize(_ text: String, as field: LedgerField) -> Outcome {
        let cleaned = TextFolding.cleaned(text)
        if LedgerVocabulary.isPlaceholder(cleaned) { return .empty }
        let title = field.chineseTitle
        switch field {
        case .name, .guardianName:
            return .value(TextFolding.personName(cleaned))
        case .gender:
            guard let gender = LedgerVocabulary.gender(cleaned) else {
                return .problem(.unknownValue, "\(title)“\(cleaned)”无法识别，应为“男”或“女”。")
            }
            return .value(gender.rawValue)
        case .birthDate:
            switch DateCellParser.parse(cleaned) {
            case .date(let date):
                return .value(date.description)
            case .yearMonth:
                return .problem(.incompleteDate, "\(title)“\(cleaned)”只有年月，缺少日；请填写完整日期或身份证号。")
            case .invalid:
                return .problem(.invalidDate, "\(title)“\(cleaned)”不是有效日期，应写成 2012-03-05 或 2012年3月5日。")
            }
        case .fatherSince, .motherSince:
            switch DateCellParser.parse(cleaned) {
            case .date(let date):
                return .value(date.description)
            case .yearMonth(let year, let month):
                // Village ledgers record when a parent left to the month ("2019年3月"). The
                // last day of that month stands for it: "away at least 3 months" must not be
                // met by a parent who may have left only at the month's end.
                return .value(String(format: "%04d-%02d-%02d", year, month, CalendarDate.daysIn(month: month, year: year)))
            case .invalid:
                return .problem(.invalidDate, "\(title)“\(cleaned)”不是有效日期，应写成 2019-03 或 2019年3月5日。")
            }
        case .idNumber:
            return idNumber(cleaned)
        case .schoolStage:
            guard let stage = LedgerVocabulary.schoolStage(cleaned) else {
                return .problem(
                    .unknownValue, "\(title)“\(cleaned)”无法识别，应为 学前、小学、初中、高中、中职、大学 或 未在学。")
            }
            return .value(stage.rawValue)
        case .fatherStatus, .motherStatus:
            guard let status = LedgerVocabulary.parentStatus(cleaned) else {
                return .problem(
                    .unknownValue, "\(title)“\(cleaned)”无法识别，应为 外出务工、在家、去世、残疾或重病 或 不详。")
            }
            return .value(status.rawValue)
        case .guardianRelation:
            guard let relation = LedgerVocabulary.guardianRelation(cleaned) else {
                return .problem(
                    .unknownValue, "\(title)“\(cleaned)”无法识别，应为 祖父母、外祖父母、其他亲属、社区指定 或 无。")
            }
            return .value(relation.rawValue)
        case .familyFlags:
            return familyFlags(cleaned)
        case .fatherPhone, .motherPhone, .guardianPhone:
            return phone(cleaned, title: title)
        case .guardianAge:
            var digits = cleaned
            for suffix in ["周岁", "岁"] where digits.hasSuffix(suffix) {
                digits = TextFolding.cleaned(String(digits.dropLast(suffix.count)))
            }
            if digits.hasSuffix(".0") { digits = String(digits.dropLast(2)) }
            guard let age = Int(digits), (1...120).contains(age) else {
                return .problem(.invalidNumber, "\(title)“\(cleaned)”不是有效年龄。")
            }
            return .value(String(age))
        case .villageCode:
            let code = cleaned.filter { $0 != " " }
            guard !code.isEmpty, code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                if looksScientific(code) {
                    return .problem(.numberPrecisionLost, "\(title)“\(cleaned)”被表格存成了科学计数法，请把该列设为文本后重新填写。")
                }
                return .problem(.invalidVillageCode, "\(title)“\(cleaned)”应为数字代码（如 12 位统计用区划代码）。")
            }
            return .value(code)
        case .grade:
            switch SchoolGradeParser.parse(cleaned) {
            case .year(let year): return .value(String(year))
            case .noSchoolYear: return .empty
            case .invalid:
                return .problem(.unknownValue, "\(title)“\(cleaned)”无法识别，应写成 三年级、初二、高一 这样的年级。")
            }
        case .schoolId, .className, .address, .fatherPlace, .motherPlace, .guardianHealth, .health,
            .specialNeeds, .studyStatus:
            return .value(cleaned)
        }
    }

    // MARK: - Fields with their own rules

    private static func idNumber(_ cleaned: String) -> Outcome {
        // A leading apostrophe or tab is how people force Excel to keep the number as text.
        let ignored: Set<Character> = [" ", "'", "\t", "\u{2018}", "\u{2019}"]
        var id = cleaned.contains(where: ignored.contains) ? cleaned.filter { !ignored.contains($0) } : cleaned
        if id.hasSuffix(".0") { id = String(id.dropLast(2)) }
        if looksScientific(id) {
            return .problem(
                .numberPrecisionLost,
                "身份证号被表格存成了数字，只保留了 15 位有效数字，后几位已经丢失；请把该列设为文本后重新填写。")
        }
        let bytes = Array(id.utf8)
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        if bytes.count == 18, bytes[0..<17].allSatisfy(isDigit) {
            switch bytes[17] {
            case 0x30...0x39: return .value(id)
            case UInt8(ascii: "X"), UInt8(ascii: "x"): return .value(String(id.dropLast()) + "X")
            default: break
            }
        }
        if bytes.count == 15, bytes.allSatisfy(isDigit) {
            return .problem(.invalidIdNumber, "身份证号是 15 位旧号码，请填写 18 位身份证号。")
        }
        return .problem(.invalidIdNumber, "身份证号应为 18 位（17 位数字加一位数字或 X），实际为 \(id.count) 位。")
    }

    /// Full-width digits folded, spaces and brackets dropped, a trailing `.0` (a number that went
    /// through a spreadsheet) removed; dashes kept, as a landline's are part of the number
    /// (`0851-86812345`). The intake domain's `PhoneNumber` then decides mobile or landline.
    private static func phone(_ cleaned: String, title: String) -> Outcome {
        if looksScientific(cleaned) {
            return .problem(.numberPrecisionLost, "\(title)“\(cleaned)”被表格存成了科学计数法，请把该列设为文本后重新填写。")
        }
        var text = cleaned
        if text.hasSuffix(".0") { text = String(text.dropLast(2)) }
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var digits = 0
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39:
                result.append(byte)
                digits += 1
            case UInt8(ascii: "+") where result.isEmpty: result.append(byte)
            case UInt8(ascii: "-"): result.append(byte)
            case UInt8(ascii: " "), UInt8(ascii: "("), UInt8(ascii: ")"): continue
            default:
                return .problem(.invalidPhone, "\(title)“\(cleaned)”不是一个电话号码（每格只填一个号码）。")
            }
        }
        guard (7...20).contains(digits) else {
            return .problem(.invalidPhone, "\(title)“\(cleaned)”应为 7 到 20 位数字，实际为 \(digits) 位。")
        }
        return .value(String(decoding: result, as: UTF8.self))
    }

    private static func familyFlags(_ cleaned: String) -> Outcome {
        // Spaces separate flags too (`低保 单亲`), but only where they do not belong to an English
        // phrase (`minimum allowance`): a part is split on spaces only when it is not known whole.
        let separators: Set<Character> = ["、", ",", "，", ";", "；", "/", "|"]
        let parts = cleaned.split(whereSeparator: { separators.contains($0) }).map(String.init)
        var flags = Set<FamilyFlag>()
        var unknown: [String] = []
        func known(_ part: String) -> Bool {
            if let flag = LedgerVocabulary.familyFlag(part) {
                flags.insert(flag)
                return true
            }
            return LedgerVocabulary.meansNoFlags(part)
        }
        for part in parts where !known(part) {
            let words = part.split(separator: " ").map(String.init)
            if words.count < 2 || !words.allSatisfy({ LedgerVocabulary.familyFlag($0) != nil }) {
                unknown.append(part)
            } else {
                _ = words.map(known)
            }
        }
        guard unknown.isEmpty else {
            return .problem(
                .unknownValue,
                "家庭情况中的“\(unknown.joined(separator: "、"))”无法识别，可填写 单亲、孤儿、低保、建档立卡、父母残疾或重病，多项用顿号分隔，没有则填“无”。")
        }
        return .value(FamilyFlag.allCases.filter(flags.contains).map(\.rawValue).joined(separator: ","))
    }

    /// `1.10101E+17` and the like: what a spreadsheet shows for a long number.
    private static func looksScientific(_ text: String) -> Bool {
        guard text.utf8.contains(UInt8(ascii: "E")) || text.utf8.contains(UInt8(ascii: "e")) else { return false }
        let upper = text.uppercased()
        guard let e = upper.firstIndex(of: "E") else { return false }
        let mantissa = upper[..<e]
        let exponent = upper[upper.index(after: e)...].drop { $0 == "+" }
        return !mantissa.isEmpty && Double(mantissa) != nil && !exponent.isEmpty && Int(exponent) != nil
    }
}
