import Foundation

/// The administrative divisions of the county a deployment serves (行政区划): the county, its
/// townships (乡镇/街道) and, once an operator has imported them, its villages (村/社区). Checks
/// the village code of each child's home and rolls villages up to townships and the county for
/// the summaries (seed 000 篇二: ledgers by village, summaries by community, then the county).
///
/// Codes are the NBS statistical division codes (统计用区划代码; equal to GB/T 2260 at county
/// level and above): 6 digits for the county, 9 for a township, 12 for a village. The default
/// county, 习水县 (520330), and its 26 townships are built in (`Xishui`, from the public dataset
/// modood/Administrative-divisions-of-China, data as of 2022-10-31). Another county's townships
/// come from an operator file with the same columns as shared/data/divisions/townships-520330.csv.
/// No village list ships: each county imports its own (`code,name[,townshipCode]`).
///
/// A value: loading villages returns a new registry, so a registry shared between requests
/// never changes under them.
public struct DivisionRegistry: Sendable {
    /// The county served.
    public let county: County
    /// Its townships, in code order.
    public let townships: [Township]
    /// The imported village list in code order, or nil while none is loaded; without a list any
    /// well-formed code under a known township is accepted.
    public let villages: [Village]?

    private let townshipsByCode: [String: Township]
    private let villagesByCode: [String: Village]?

    /// The default county, 习水县 (`SHOUHU_COUNTY`'s default).
    public static let defaultCountyCode = Xishui.county.code

    /// 习水县 and its 26 townships, without villages.
    public static let xishui = DivisionRegistry(
        checked: Xishui.county, townships: Xishui.townships, villages: nil)

    /// The built-in registry for a county code, or nil when the county's townships must come
    /// from an operator file (`init(county:townshipsCSV:)`).
    public static func builtIn(countyCode: String) -> DivisionRegistry? {
        countyCode == defaultCountyCode ? xishui : nil
    }

    /// Makes a registry for a county and its townships.
    /// - Throws: `DivisionError.malformedCountyCode`, or `.invalidTownship` for a township code
    ///   that is not 9 digits, not in the county, or repeated.
    public init(county: County, townships: [Township]) throws(DivisionError) {
        guard Self.isDigits(county.code, count: 6) else { throw .malformedCountyCode(county.code) }
        var seen: Set<String> = []
        for township in townships {
            guard Self.isDigits(township.code, count: 9) else {
                throw .invalidTownship(code: township.code, reason: "a township code has 9 digits.")
            }
            guard township.countyCode == county.code else {
                throw .invalidTownship(
                    code: township.code, reason: "it is not in \(county.name) (\(county.code)).")
            }
            guard seen.insert(township.code).inserted else {
                throw .invalidTownship(code: township.code, reason: "it is listed twice.")
            }
        }
        self.init(checked: county, townships: townships, villages: nil)
    }

    /// Makes a registry for a county from an operator's township file: UTF-8 CSV (with or
    /// without a byte-order mark) with a header naming at least `code` and `name`, as in
    /// townships-520330.csv (`code,name,areaCode,provinceCode,cityCode`). When an `areaCode`
    /// column is present it must be the county's code.
    /// - Throws: `DivisionError.notUTF8`, `.invalidFile` listing every bad line, or the errors of
    ///   `init(county:townships:)`.
    public init(county: County, townshipsCSV data: Data) throws(DivisionError) {
        guard Self.isDigits(county.code, count: 6) else { throw .malformedCountyCode(county.code) }
        let table = try Self.table(from: data)
        let header = table.first?.fields.map { $0.trimmingCharacters(in: .whitespaces) } ?? []
        guard let codeColumn = header.firstIndex(of: "code"), let nameColumn = header.firstIndex(of: "name")
        else {
            throw .invalidFile(problems: [
                Self.headerMissing(line: table.first?.line ?? 1, columns: "code and name")
            ])
        }
        let areaColumn = header.firstIndex(of: "areaCode")
        var problems: [DivisionError.LineProblem] = []
        var townships: [Township] = []
        var firstLine: [String: Int] = [:]
        for record in table.dropFirst() where !record.isBlank {
            let fields = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            func field(_ index: Int?) -> String? {
                guard let index, index < fields.count else { return nil }
                return fields[index]
            }
            let code = field(codeColumn) ?? ""
            let name = field(nameColumn) ?? ""
            var rowProblems: [String] = []
            if !Self.isDigits(code, count: 9) {
                rowProblems.append("the code \"\(DivisionError.shown(code))\" is not 9 digits")
            } else if !code.hasPrefix(county.code) {
                rowProblems.append("the code \(code) is not in \(county.name) (\(county.code))")
            } else if let earlier = firstLine[code] {
                rowProblems.append("the code \(code) is already on line \(earlier)")
            }
            if name.isEmpty { rowProblems.append("the name is empty") }
            if let area = field(areaColumn), !area.isEmpty, area != county.code {
                rowProblems.append("the areaCode \(area) is not \(county.code)")
            }
            if rowProblems.isEmpty {
                firstLine[code] = record.line
                townships.append(Township(code: code, name: name))
            } else {
                problems.append(.init(line: record.line, message: rowProblems.joined(separator: "; ")))
            }
        }
        if problems.isEmpty && townships.isEmpty {
            problems.append(.init(line: 1, message: "the file has no townships"))
        }
        guard problems.isEmpty else { throw .invalidFile(problems: problems) }
        try self.init(county: county, townships: townships)
    }

    private init(checked county: County, townships: [Township], villages: [Village]?) {
        self.county = county
        self.townships = townships.sorted { $0.code < $1.code }
        self.townshipsByCode = Dictionary(townships.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        self.villages = villages?.sorted { $0.code < $1.code }
        self.villagesByCode = villages.map {
            Dictionary($0.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        }
    }

    // MARK: - Villages

    /// This registry with a village list in place of any earlier one.
    /// - Throws: `DivisionError.invalidFile` listing each village whose code is not a village of
    ///   this county's townships, whose name is empty, or that is listed twice (line = position
    ///   in the list, from 1).
    public func loadingVillages(_ villages: [Village]) throws(DivisionError) -> DivisionRegistry {
        var problems: [DivisionError.LineProblem] = []
        var firstLine: [String: Int] = [:]
        for (index, village) in villages.enumerated() {
            var rowProblems: [String] = []
            if case .failure(let error) = checkShape(of: village.code) {
                rowProblems.append(error.message)
            } else if let earlier = firstLine[village.code] {
                rowProblems.append("the code \(village.code) is already on line \(earlier)")
            }
            if (village.name ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                rowProblems.append("the name is empty")
            }
            if rowProblems.isEmpty {
                firstLine[village.code] = index + 1
            } else {
                problems.append(.init(line: index + 1, message: rowProblems.joined(separator: "; ")))
            }
        }
        guard problems.isEmpty else { throw .invalidFile(problems: problems) }
        return DivisionRegistry(checked: county, townships: townships, villages: villages)
    }

    /// This registry with the village list of an operator's CSV file in place of any earlier one.
    ///
    /// The file is UTF-8, with or without a byte-order mark, one village a line:
    /// `code,name[,townshipCode]`, fields optionally quoted. A first line with a field `code` is a
    /// header; with a header the columns may come in any order. When a
    /// `townshipCode` is given it must be the village code's first nine digits. Blank lines are
    /// skipped. All or nothing: one bad line and nothing is loaded.
    /// - Throws: `DivisionError.notUTF8`, or `.invalidFile` listing every bad line by its line in
    ///   the file.
    public func loadingVillages(csv data: Data) throws(DivisionError) -> DivisionRegistry {
        let table = try Self.table(from: data)
        var codeColumn = 0, nameColumn = 1
        var townshipColumn: Int? = 2
        var widest = 3
        var rows = table[...]
        if let first = table.first(where: { !$0.isBlank }),
            first.fields.contains(where: { $0.trimmingCharacters(in: .whitespaces).lowercased() == "code" })
        {
            let names = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            guard let code = names.firstIndex(of: "code"), let name = names.firstIndex(of: "name")
            else {
                throw .invalidFile(problems: [Self.headerMissing(line: first.line, columns: "code and name")])
            }
            (codeColumn, nameColumn) = (code, name)
            townshipColumn = names.firstIndex(of: "townshipCode")
            widest = names.count
            rows = table.drop { $0.line <= first.line }
        }
        let narrowest = max(codeColumn, nameColumn) + 1

        var problems: [DivisionError.LineProblem] = []
        var villages: [Village] = []
        var firstLine: [String: Int] = [:]
        for record in rows where !record.isBlank {
            let fields = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            var rowProblems: [String] = []
            guard (narrowest...widest).contains(fields.count) else {
                let expected = narrowest == widest ? "\(widest)" : "\(narrowest) to \(widest)"
                problems.append(
                    .init(
                        line: record.line,
                        message:
                            "expected \(expected) fields (code,name[,townshipCode]), found \(fields.count)"))
                continue
            }
            let code = codeColumn < fields.count ? fields[codeColumn] : ""
            let name = nameColumn < fields.count ? fields[nameColumn] : ""
            if case .failure(let error) = checkShape(of: code) {
                rowProblems.append(error.message)
            } else if let earlier = firstLine[code] {
                rowProblems.append("the code \(code) is already on line \(earlier)")
            }
            if name.isEmpty { rowProblems.append("the name is empty") }
            if let townshipColumn, townshipColumn < fields.count, !fields[townshipColumn].isEmpty,
                fields[townshipColumn] != String(code.prefix(9))
            {
                rowProblems.append(
                    "the townshipCode \(DivisionError.shown(fields[townshipColumn])) is not the "
                        + "code's first nine digits")
            }
            if rowProblems.isEmpty {
                firstLine[code] = record.line
                villages.append(Village(code: code, name: name))
            } else {
                problems.append(.init(line: record.line, message: rowProblems.joined(separator: "; ")))
            }
        }
        if problems.isEmpty && villages.isEmpty {
            problems.append(.init(line: 1, message: "the file has no villages"))
        }
        guard problems.isEmpty else { throw .invalidFile(problems: problems) }
        return DivisionRegistry(checked: county, townships: townships, villages: villages)
    }

    /// Checks the village code of a child's home.
    ///
    /// Surrounding whitespace is trimmed and full-width digits folded. The code must be 12
    /// digits, its first 6 this county's, its first 9 one of the county's townships, its last 3
    /// not `000` (that is the township's own code), and, when a village list is loaded, in it.
    /// - Returns: the village (with its name when a list is loaded), or the first check that
    ///   failed.
    public func validateVillage(_ code: String) -> Result<Village, DivisionError> {
        let code = FullWidth.toHalfWidth(code.trimmedWhitespace)
        if case .failure(let error) = checkShape(of: code) { return .failure(error) }
        guard let villagesByCode else { return .success(Village(code: code, name: nil)) }
        guard let village = villagesByCode[code] else { return .failure(.unknownVillage(code)) }
        return .success(village)
    }

    /// A township of the county by its 9-digit code.
    public func township(code: String) -> Township? {
        townshipsByCode[code]
    }

    /// The loaded villages of one township, in code order (empty while no list is loaded).
    public func villages(inTownship code: String) -> [Village] {
        (villages ?? []).filter { $0.townshipCode == code }
    }

    /// Where a checked village sits: village → township → county. Nil when the village is not
    /// under one of this registry's townships.
    public func path(of village: Village) -> DivisionPath? {
        guard village.countyCode == county.code, let township = townshipsByCode[village.townshipCode]
        else { return nil }
        return DivisionPath(county: county, township: township, village: village)
    }

    /// Checks a village code and rolls it up: village → township → county.
    public func path(ofVillageCode code: String) -> Result<DivisionPath, DivisionError> {
        validateVillage(code).map { village in
            DivisionPath(county: county, township: townshipsByCode[village.townshipCode]!, village: village)
        }
    }

    // MARK: - Helpers

    /// Every check of `validateVillage` except membership in the loaded list.
    private func checkShape(of code: String) -> Result<Void, DivisionError> {
        guard Self.isDigits(code, count: 12) else { return .failure(.malformedVillageCode(code)) }
        guard code.hasPrefix(county.code) else {
            return .failure(.villageOutsideCounty(code: code, county: county))
        }
        let townshipCode = String(code.prefix(9))
        guard townshipsByCode[townshipCode] != nil else {
            return .failure(.unknownTownship(villageCode: code, townshipCode: townshipCode))
        }
        guard !code.hasSuffix("000") else { return .failure(.townshipCodeNotVillage(code)) }
        return .success(())
    }

    static func isDigits(_ text: String, count: Int) -> Bool {
        text.utf8.count == count && text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    private static func table(from data: Data) throws(DivisionError) -> [CSVReader.Record] {
        do throws(CSVReader.Failure) {
            return try CSVReader.records(in: CSVReader.text(from: data))
        } catch {
            switch error {
            case .notUTF8:
                throw .notUTF8
            case .unterminatedQuote(let line):
                throw .invalidFile(problems: [.init(line: line, message: "a quoted field is not closed")])
            }
        }
    }

    private static func headerMissing(line: Int, columns: String) -> DivisionError.LineProblem {
        .init(line: line, message: "the header must name the columns \(columns)")
    }
}
