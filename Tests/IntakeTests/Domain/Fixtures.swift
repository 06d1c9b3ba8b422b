import Foundation
import IntakeDomain
import ShouhuEvents

/// Shared helpers for the domain tests.
enum Fixtures {
    /// A date from `YYYY-MM-DD`; traps on a typo in a test.
    static func date(_ text: String) -> CalendarDate {
        guard let date = CalendarDate(text) else { fatalError("bad test date \(text)") }
        return date
    }

    /// The fixed "today" of these tests.
    static let today = date("2026-06-20")

    /// Builds an 18-character number with its check character computed here, independently of
    /// the code under test (ISO 7064 MOD 11-2, weights 2^(17-i) mod 11).
    static func idNumber(division: String = "520330", birth: String, sequence: String = "123") -> String {
        let body = division + birth + sequence
        precondition(body.count == 17)
        var sum = 0
        for (index, character) in body.enumerated() {
            let weight = (1 << (17 - index)) % 11
            sum += Int(String(character))! * weight
        }
        let check = Array("10X98765432")[sum % 11]
        return body + String(check)
    }

    /// The directory `shared/data/divisions` beside the repository, when it is there (it is in
    /// CI and on a developer's machine); found from this file's real path, through symlinks.
    static var sharedDivisionsDirectory: URL? {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        for _ in 0..<8 {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("shared/data/divisions")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("provinces.csv").path)
            {
                return candidate
            }
        }
        return nil
    }
}
