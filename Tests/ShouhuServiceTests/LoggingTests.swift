import Foundation
import Logging
import Testing

@testable import ShouhuService

extension ShouhuServiceTests {
    @Suite struct LoggingTests {
        @Test func anIDNumberInASentenceIsMasked() {
            #expect(
                LogRedaction.redact("child 52033020100101123X registered")
                    == "child 520330********123X registered"
            )
            #expect(LogRedaction.redact("id=520330201001011234.") == "id=520330********1234.")
            #expect(LogRedaction.redact("52033020100101123x") == "520330********123x")
        }

        @Test func longerRunsOfDigitsAreLeftAlone() {
            let account = "account 12345678901234567890 paid"
            #expect(LogRedaction.redact(account) == account)
            #expect(LogRedaction.redact("1234567890123456789") == "1234567890123456789")
            #expect(LogRedaction.redact("52033020100101123X7") == "52033020100101123X7")
            #expect(LogRedaction.redact("amount 1500 fen") == "amount 1500 fen")
        }

        @Test func metadataIsMaskedToTheBottom() {
            let metadata: Logger.Metadata = [
                "idNumber": "52033020100101123X",
                "child": ["guardian": ["id 52033020100101123X"]],
                "count": .stringConvertible(18),
            ]
            let redacted = LogRedaction.redact(metadata)
            #expect(redacted["idNumber"] == "520330********123X")
            #expect(redacted["child"] == ["guardian": ["id 520330********123X"]])
            #expect(redacted["count"] == "18")
        }

        @Test func aLineCarriesTimeLevelLabelMessageAndSortedMetadata() {
            let line = ShouhuLogHandler.format(
                date: Date(timeIntervalSince1970: 1_795_518_000.5),
                level: .info,
                label: "intake",
                message: "child registered\nsecond line",
                metadata: ["zone": "520330", "childId": "c-1", "note": "two words"]
            )
            #expect(line == "2026-11-24T11:00:00.500Z info intake: child registered\\nsecond line childId=c-1 note=\"two words\" zone=520330\n")
        }

        @Test func theHandlerMasksMessageMetadataAndError() {
            let lines = LineCollector()
            var logger = Logger(label: "intake") { label in
                ShouhuLogHandler(label: label, level: .debug, output: { lines.append($0) })
            }
            logger[metadataKey: "request"] = "r-1"
            struct Failure: Error, CustomStringConvertible {
                var description: String { "duplicate 52033020100101123X" }
            }
            logger.warning(
                "rejected 52033020100101123X",
                error: Failure(),
                metadata: ["body": .dictionary(["idNumber": "52033020100101123X"])]
            )
            logger.trace("dropped: below the level")
            let written = lines.all
            #expect(written.count == 1)
            let line = written.first ?? ""
            #expect(!line.contains("52033020100101123X"))
            #expect(line.contains(" warning intake: rejected 520330********123X "))
            #expect(line.contains("error=\"duplicate 520330********123X\""))
            #expect(line.contains("request=r-1"))
            #expect(line.hasSuffix("\n"))
        }

        @Test func bootstrappingTwiceIsSafe() {
            ShouhuLogging.bootstrap(level: .warning)
            ShouhuLogging.bootstrap(level: .error)
            #expect(ShouhuLogging.currentLevel == .error)
            #expect(Logger(label: "after").logLevel == .error)
        }
    }
}

/// Collects the lines a handler writes, from whichever thread writes them.
final class LineCollector: @unchecked Sendable {
    // @unchecked: `lines` is only touched under `lock`.
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) {
        lock.lock()
        lines.append(line)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }
}
