import Foundation
import IntakeDomain
import Testing

@Suite("Division registry (行政区划)")
struct DivisionRegistryTests {
    let registry = DivisionRegistry.xishui

    /// A small village list for 土城镇 (520330101) and 二郎镇 (520330115). The village codes are
    /// made up for the test; the townships are real.
    let villageCSV = """
        code,name,townshipCode
        520330101201,"土城村",520330101
        520330101202,"青杠坡村",520330101
        520330115201,"二郎村",
        """

    func loaded(_ csv: String? = nil) throws -> DivisionRegistry {
        try registry.loadingVillages(csv: Data((csv ?? villageCSV).utf8))
    }

    @Test func builtInCountyAndTownships() {
        #expect(registry.county == County(code: "520330", name: "习水县"))
        #expect(registry.townships.count == 26)
        #expect(registry.township(code: "520330101")?.name == "土城镇")
        #expect(registry.township(code: "520330207")?.name == "坭坝乡")
        #expect(registry.township(code: "520330001")?.name == "东皇街道")
        #expect(registry.villages == nil)
        #expect(DivisionRegistry.defaultCountyCode == "520330")
        #expect(DivisionRegistry.builtIn(countyCode: "520330") != nil)
        #expect(DivisionRegistry.builtIn(countyCode: "520322") == nil)
        #expect(throws: Never.self) {
            try DivisionRegistry(county: Xishui.county, townships: Xishui.townships)
        }
    }

    @Test func goodVillageWithoutAList() throws {
        let village = try registry.validateVillage("520330101201").get()
        #expect(village == Village(code: "520330101201", name: nil))
        #expect(village.townshipCode == "520330101")
        #expect(try registry.validateVillage(" ５２０３３０１０１２０１ ").get().code == "520330101201")
    }

    @Test func malformedCodes() {
        for code in ["", "52033010120", "5203301012011", "52033010120A", "520330-01201"] {
            #expect(
                registry.validateVillage(code)
                    == .failure(.malformedVillageCode(code.trimmingCharacters(in: .whitespaces))))
        }
        #expect(registry.validateVillage("520330101000") == .failure(.townshipCodeNotVillage("520330101000")))
    }

    @Test func villageOfAnotherCounty() {
        // 520322 is 桐梓县, the neighbouring county.
        let result = registry.validateVillage("520322101201")
        #expect(result == .failure(.villageOutsideCounty(code: "520322101201", county: Xishui.county)))
        if case .failure(let error) = result {
            #expect(error.code == "village_outside_county")
            #expect(error.message.contains("习水县"))
        }
    }

    @Test func unknownTownship() {
        let result = registry.validateVillage("520330199201")
        #expect(result == .failure(.unknownTownship(villageCode: "520330199201", townshipCode: "520330199")))
        #expect((try? result.get()) == nil)
    }

    @Test func villageNotInTheLoadedList() throws {
        let withList = try loaded()
        #expect(withList.validateVillage("520330101299") == .failure(.unknownVillage("520330101299")))
        // Without the list the same code is accepted.
        #expect((try? registry.validateVillage("520330101299").get()) != nil)
    }

    @Test func goodVillageInTheLoadedList() throws {
        let withList = try loaded()
        #expect(
            try withList.validateVillage("520330101202").get() == Village(code: "520330101202", name: "青杠坡村"))
        #expect(withList.villages?.count == 3)
        #expect(withList.villages(inTownship: "520330101").map(\.name) == ["土城村", "青杠坡村"])
    }

    @Test func rollsUpVillageTownshipCounty() throws {
        let path = try loaded().path(ofVillageCode: "520330115201").get()
        #expect(path.village.name == "二郎村")
        #expect(path.township == Township(code: "520330115", name: "二郎镇"))
        #expect(path.county.name == "习水县")
        #expect(registry.path(of: Village(code: "520322101201", name: nil)) == nil)
    }

    @Test func villageFileWithBOMWithoutHeaderAndCRLF() throws {
        let bytes = Data([0xEF, 0xBB, 0xBF]) + Data("520330101201,土城村\r\n\r\n520330102201,\"同民村\"\r\n".utf8)
        let withList = try registry.loadingVillages(csv: bytes)
        #expect(withList.villages?.map(\.name) == ["土城村", "同民村"])
    }

    @Test func villageFileWithColumnsInAnotherOrder() throws {
        let withList = try loaded("name,code\n\"土城村, 一组\",520330101201\n")
        #expect(withList.villages?.first?.name == "土城村, 一组")
    }

    @Test func villageFileProblemsAreAllListedByLine() {
        let csv = """
            code,name,townshipCode
            520330101201,土城村,520330101
            520322101201,外县村,
            520330101202,,
            520330101201,重复村,
            520330102201,同民村,520330101
            12345
            """
        #expect {
            try registry.loadingVillages(csv: Data(csv.utf8))
        } throws: { error in
            guard case DivisionError.invalidFile(let problems) = error else { return false }
            return problems.map(\.line) == [3, 4, 5, 6, 7]
                && problems[0].message.contains("not in 习水县")
                && problems[1].message.contains("name is empty")
                && problems[2].message.contains("already on line 2")
                && problems[3].message.contains("townshipCode")
                && problems[4].message.contains("found 1")
        }
    }

    @Test func villageFileThatIsNotUTF8() {
        let gbk = Data([0x35, 0x32, 0x30, 0x2C, 0xCD, 0xC1, 0xB3, 0xC7])  // "520,土城" in GBK
        #expect(throws: DivisionError.notUTF8) { try registry.loadingVillages(csv: gbk) }
    }

    @Test func emptyVillageFileIsRefused() {
        #expect(
            throws: DivisionError.invalidFile(problems: [.init(line: 1, message: "the file has no villages")])
        ) {
            try registry.loadingVillages(csv: Data("code,name\n".utf8))
        }
    }

    @Test func unterminatedQuoteIsRefused() {
        #expect(
            throws: DivisionError.invalidFile(problems: [
                .init(line: 2, message: "a quoted field is not closed")
            ])
        ) {
            try registry.loadingVillages(csv: Data("520330101201,a\n520330101202,\"b\n".utf8))
        }
    }

    @Test func loadingVillagesFromValues() throws {
        let withList = try registry.loadingVillages([Village(code: "520330101201", name: "土城村")])
        #expect(withList.villages?.count == 1)
        #expect(throws: DivisionError.self) {
            try registry.loadingVillages([Village(code: "520330101201", name: "  ")])
        }
    }

    @Test func anotherCountyFromAnOperatorTownshipFile() throws {
        let csv = """
            code,name,areaCode,provinceCode,cityCode
            520322100,"娄山关街道",520322,52,5203
            520322101,"楚米镇",520322,52,5203
            """
        let tongzi = try DivisionRegistry(
            county: County(code: "520322", name: "桐梓县"), townshipsCSV: Data(csv.utf8))
        #expect(tongzi.townships.map(\.name) == ["娄山关街道", "楚米镇"])
        #expect((try? tongzi.validateVillage("520322101201").get()) != nil)
        #expect(
            tongzi.validateVillage("520330101201")
                == .failure(.villageOutsideCounty(code: "520330101201", county: tongzi.county)))
    }

    @Test func badOperatorTownshipFiles() {
        let county = County(code: "520322", name: "桐梓县")
        #expect(throws: DivisionError.self) {
            try DivisionRegistry(county: county, townshipsCSV: Data("520322101,楚米镇\n".utf8))
        }
        #expect {
            try DivisionRegistry(
                county: county,
                townshipsCSV: Data("code,name,areaCode\n520330101,土城镇,520330\n52032210,短,520322\n".utf8))
        } throws: { error in
            guard case DivisionError.invalidFile(let problems) = error else { return false }
            return problems.map(\.line) == [2, 3]
        }
        #expect(throws: DivisionError.malformedCountyCode("52032")) {
            try DivisionRegistry(county: County(code: "52032", name: "?"), townships: [])
        }
        #expect(throws: DivisionError.self) {
            try DivisionRegistry(county: county, townships: [Township(code: "520330101", name: "土城镇")])
        }
    }
}
