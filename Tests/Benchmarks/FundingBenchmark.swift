import ArgumentParser
import Foundation
import Funding
import FundingDomain
import ShouhuEvents
import ShouhuService
import ShouhuStore

/// The funding cycle for a whole county: draft a batch for N children, approve it, write the
/// pain.001 file, and reconcile a results file for every payment — each step timed (median of
/// rounds, each round on a fresh store) with the process's peak memory after it.
struct FundingBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "funding", abstract: "Funding: compute, approve, pain.001 and reconcile a batch for 50,000 children.")

    @Option(help: "Children in the county, every one entitled.") var children = 50_000
    @Option(help: "Rounds; the median is printed.") var rounds = 3

    func run() throws {
        var timings: [String: [Double]] = [:]
        var memory: [String: Int] = [:]
        let steps = ["compute", "approve", "pain001", "reconcile"]
        var bytes = 0
        for round in 1...rounds {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("funding-bench-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let settings = try Settings(service: .funding, environment: [
                "SHOUHU_JWT_SECRET": String(repeating: "b", count: 32), "SHOUHU_DATA_DIR": directory,
                "SHOUHU_FUNDING_BUDGET_FEN": "2000000000000", "SHOUHU_FUNDING_DEBTOR_NAME": "习水县民政局",
                "SHOUHU_FUNDING_DEBTOR_ACCOUNT": "52050162360800000123",
            ])
            let database = try ServiceDatabase(directory: directory, service: "funding", migrations: FundingService.definition.migrations)
            let cycle = try FundingCycle(database: database, settings: settings)
            let a = Caller(subject: "officer-a", role: .fundingOfficer, county: "520330")
            let b = Caller(subject: "officer-b", role: .countyOfficer, county: "520330")
            let now = Date(timeIntervalSince1970: 1_789_000_000)
            let today = CalendarDate("2026-09-10")!
            try cycle.seed(Self.county(children), accountNumber: { "6222021\(String(format: "%012d", $0))" }, by: a, now: now)

            func time<T>(_ step: String, _ body: () throws -> T) rethrows -> T {
                Self.resetPeakMemory()
                let start = DispatchTime.now().uptimeNanoseconds
                let value = try body()
                timings[step, default: []].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                memory[step] = max(memory[step] ?? 0, peakMemoryMiB())
                return value
            }
            let batch = try time("compute") { try cycle.draft(DisbursementPeriod("2026-S2")!, by: a, now: now, today: today) }
            let dropped = try time("approve") { try cycle.approve(batch, by: b, now: now, today: today) }
            let order = try time("pain001") { () throws -> PaymentOrder in
                let order = try cycle.paymentOrder(batch, by: a, now: now)
                bytes = Pain001Writer.document(order).utf8.count
                return order
            }
            // Every 50th payment fails; the file also carries one unknown line and one duplicate.
            var csv = "reference,status,reason\n"
            for (index, transfer) in order.transfers.enumerated() {
                csv += index % 50 == 0 ? "\(transfer.reference),failed,账户冻结\n" : "\(transfer.reference),paid,\n"
            }
            csv += "SH520330-999999-000001,paid,\n\(order.transfers[1].reference),paid,\n"
            let settled = try time("reconcile") { try cycle.applyResults(csv: csv, to: batch, by: a, now: now) }
            print("round \(round): \(order.count) payments, \(Yuan.text(fen: order.totalFen)) yuan, \(dropped) dropped; "
                  + "settled \(settled.paid) paid, \(settled.failed) failed, \(settled.reported) reported")
        }
        print("funding cycle for \(children) children, median of \(rounds) rounds (release build):")
        for step in steps {
            let seconds = median(timings[step] ?? [])
            print("  \(step.padding(toLength: 10, withPad: " ", startingAt: 0)) \(String(format: "%7.3f", seconds)) s  "
                  + "\(String(format: "%9.0f", Double(children) / seconds)) children/s  peak memory during the step (VmHWM) \(memory[step] ?? 0) MiB")
        }
        print("  pain.001 file: \(bytes) bytes")
        print("command: .build/release/shouhu-bench funding --children \(children) --rounds \(rounds)")
    }

    /// Resets VmHWM to the current resident size (Linux: `5` to /proc/self/clear_refs), so the
    /// peak read after a step is that step's own.
    static func resetPeakMemory() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    /// A county's children: primary, junior and senior pupils in 26 townships and 200 schools,
    /// every one in a single-parent family.
    static func county(_ count: Int) -> [FundingChild] {
        let stages: [SchoolStage] = [.primary, .primary, .juniorHigh, .seniorHigh]
        return (0..<count).map { index in
            var child = FundingChild(childId: String(format: "00000000-0000-4000-8000-%012x", index))
            child.isRegistered = true
            child.name = "儿童\(index)"
            child.birthDate = CalendarDate("2013-05-01")!
            child.schoolStage = stages[index % stages.count]
            child.schoolId = "S\(String(format: "%03d", index % 200))"
            child.villageCode = "520330" + String(format: "%03d", 100 + index % 26) + String(format: "%03d", index % 40)
            child.guardianName = "监护人\(index)"
            child.familyFlags = [.singleParent]
            child.registeredOn = CalendarDate("2026-03-01")!
            return child
        }
    }
}
