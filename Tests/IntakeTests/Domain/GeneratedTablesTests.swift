import Foundation
import IntakeDomain
import Testing

/// The Swift literals generated from shared/data/divisions must match the files. Runs when the
/// shared folder is beside the repository (CI, a developer's machine).
@Suite("Generated division tables", .enabled(if: Fixtures.sharedDivisionsDirectory != nil))
struct GeneratedTablesTests {
    func rows(_ file: String) throws -> [[String]] {
        let url = Fixtures.sharedDivisionsDirectory!.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).dropFirst().map { line in
            line.split(separator: ",").map { $0.replacingOccurrences(of: "\"", with: "") }
        }
    }

    @Test func provincesMatchTheFile() throws {
        let fromFile = Dictionary(uniqueKeysWithValues: try rows("provinces.csv").map { ($0[0], $0[1]) })
        #expect(fromFile == ProvinceCodes.names)
        #expect(fromFile.count == 31)
    }

    @Test func xishuiTownshipsMatchTheFile() throws {
        let fromFile = try rows("townships-520330.csv").map { Township(code: $0[0], name: $0[1]) }
        #expect(fromFile == Xishui.townships)
        #expect(fromFile.count == 26)
    }

    @Test func xishuiIsTheCountyInAreas() throws {
        let row = try rows("areas.csv").first { $0[0] == "520330" }
        #expect(row?[1] == Xishui.county.name)
    }
}
