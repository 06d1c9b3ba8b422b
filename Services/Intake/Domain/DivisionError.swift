import ShouhuEvents

/// Why a division code or an operator's division file was refused. `code` is the snake_case code
/// an HTTP answer or a field problem carries, `message` the words for the officer.
public enum DivisionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A village code that is not 12 digits.
    case malformedVillageCode(String)
    /// A 12-digit code ending in `000`: the code of a township itself, not of a village in it.
    case townshipCodeNotVillage(String)
    /// A village code whose first six digits are another county's.
    case villageOutsideCounty(code: String, county: County)
    /// A village code whose first nine digits are no township of the county.
    case unknownTownship(villageCode: String, townshipCode: String)
    /// A village code missing from the village list the county loaded.
    case unknownVillage(String)
    /// A county code that is not six digits (the setting `SHOUHU_COUNTY`).
    case malformedCountyCode(String)
    /// A township given to the registry that is not 9 digits, is another county's, or repeats.
    case invalidTownship(code: String, reason: String)
    /// An operator file that is not UTF-8.
    case notUTF8
    /// An operator file with problems, each with its line; nothing from it was loaded.
    case invalidFile(problems: [LineProblem])

    /// One problem in one line of an operator file.
    public struct LineProblem: Sendable, Hashable, Codable, CustomStringConvertible {
        /// The line of the file, counting from 1 (the header is line 1 when there is one).
        public let line: Int
        /// What is wrong with it.
        public let message: String

        /// Makes a problem.
        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }

        /// `line 4: …`, without a closing full stop so several can be joined.
        public var description: String {
            "line \(line): \(message.hasSuffix(".") ? String(message.dropLast()) : message)"
        }
    }

    /// The snake_case code for an HTTP answer or a field problem.
    public var code: String {
        switch self {
        case .malformedVillageCode, .townshipCodeNotVillage: "invalid_village_code"
        case .villageOutsideCounty: "village_outside_county"
        case .unknownTownship: "unknown_township"
        case .unknownVillage: "unknown_village"
        case .malformedCountyCode: "invalid_county_code"
        case .invalidTownship: "invalid_township"
        case .notUTF8: "file_not_utf8"
        case .invalidFile: "invalid_division_file"
        }
    }

    /// What went wrong, for the officer (English, the Chinese in parentheses).
    public var message: String {
        switch self {
        case .malformedVillageCode(let code):
            return "The village code \"\(Self.shown(code))\" must be 12 digits "
                + "(村级区划代码应为12位数字)."
        case .townshipCodeNotVillage(let code):
            return "\(code) is the code of a township, not of a village in it: the last three "
                + "digits of a village code are never 000 (这是乡镇代码，不是村代码)."
        case .villageOutsideCounty(let code, let county):
            return "The village code \(code) is not in \(county.name) (\(county.code)): its first six "
                + "digits are \(code.prefix(6)) (该村不属于本县)."
        case .unknownTownship(let villageCode, let townshipCode):
            return "The village code \(villageCode) names township \(townshipCode), which is not a "
                + "township of this county (乡镇代码\(townshipCode)不存在)."
        case .unknownVillage(let code):
            return "The village code \(code) is not in the county's village list "
                + "(村代码不在本县村名单中)."
        case .malformedCountyCode(let code):
            return "The county code \"\(Self.shown(code))\" must be 6 digits (县级区划代码应为6位数字)."
        case .invalidTownship(let code, let reason):
            return "Township \"\(Self.shown(code))\": \(reason)"
        case .notUTF8:
            return "The file is not UTF-8 text. In Excel, save it as \"CSV UTF-8\" "
                + "(文件不是UTF-8编码，请另存为“CSV UTF-8”格式)."
        case .invalidFile(let problems):
            let listed = problems.prefix(20).map(\.description).joined(separator: "; ")
            let more = problems.count > 20 ? "; and \(problems.count - 20) more" : ""
            return "The file was not loaded (文件未导入): \(listed)\(more)."
        }
    }

    /// The message, so logging the error shows it.
    public var description: String { message }

    /// A code as typed, cut short so a pasted paragraph does not flood a message.
    static func shown(_ code: String) -> String {
        // Whatever was pasted into the column is echoed, so an ID number there must not be.
        SensitiveText.masked(code.count <= 24 ? code : String(code.prefix(24)) + "…")
    }
}
