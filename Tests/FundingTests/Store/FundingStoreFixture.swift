import Foundation
@testable import Funding
import FundingDomain
import GRDB
import Logging
import ShouhuEvents
import ShouhuService
import ShouhuStore

/// The funding store in a fresh temporary folder, with no broker: the rules the store enforces,
/// tested in milliseconds.
final class FundingStoreFixture {
    let directory: String
    let database: ServiceDatabase
    let configuration: FundingConfiguration
    let now = Date(timeIntervalSince1970: 1_789_000_000)  // 2026-09-09T...Z
    let today = CalendarDate("2026-09-10")!
    let officerA = Caller(subject: "officer-a", role: .fundingOfficer, county: "520330")
    let officerB = Caller(subject: "officer-b", role: .countyOfficer, county: "520330")

    init(environment: [String: String] = [:]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("funding-store-\(UUID().uuidString)").path
        database = try ServiceDatabase(directory: directory, service: "funding", migrations: FundingService.definition.migrations)
        var env = ["SHOUHU_JWT_SECRET": String(repeating: "s", count: 32), "SHOUHU_DATA_DIR": directory,
                   "SHOUHU_FUNDING_DEBTOR_NAME": "习水县民政局", "SHOUHU_FUNDING_DEBTOR_ACCOUNT": "52050162360800000123",
                   "SHOUHU_FUNDING_DEBTOR_BANK": "中国建设银行习水支行"]
        env.merge(environment) { _, new in new }
        configuration = try FundingConfiguration(settings: try Settings(service: .funding, environment: env))
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Registers children 1…n (single-parent primary pupils unless `adjust` changes them), each
    /// with a payee account.
    func register(_ ids: ClosedRange<Int>, adjust: (inout FundingChild) -> Void = { _ in }) throws {
        try database.pool.write { db in
            for id in ids {
                var child = FundingFixtures.child(id)
                adjust(&child)
                try ChildProjection.save(db, child)
                _ = try PayeeAccounts.set(db, childId: child.childId, input: .init(
                    bankName: "农村信用社", accountNumber: "62220212345678\(String(format: "%05d", id))", bankCode: nil,
                    holderName: nil, expectedVersion: nil), caller: self.officerA, now: self.now)
            }
        }
    }

    func create(_ period: String, by caller: Caller? = nil, fit: Bool = false) throws -> String {
        try database.pool.write { db in
            try BatchStore.create(db, period: DisbursementPeriod(period)!, fitToBudget: fit, note: nil, caller: caller ?? self.officerA,
                                  now: self.now, today: self.today, configuration: self.configuration)
        }
    }

    @discardableResult
    func approve(_ id: String, by caller: Caller? = nil) throws -> BatchStore.Approval {
        try database.pool.write { db in
            try BatchStore.approve(db, id: id, caller: caller ?? self.officerB, now: self.now, today: self.today,
                                   configuration: self.configuration, outbox: self.database.outbox)
        }
    }

    func settle(_ id: String, csv: String) throws -> SettlementStore.Result {
        try database.pool.write { db in
            try SettlementStore.apply(db, batchId: id, read: try ResultsCSV.read(csv), sha256: String(csv.hashValue), format: "csv",
                                      caller: self.officerA, now: self.now, county: "520330", outbox: self.database.outbox)
        }
    }

    /// Every reference of a batch, in line order.
    func references(_ id: String) throws -> [String] {
        try database.pool.read { db in
            try String.fetchAll(db, sql: "SELECT reference FROM batch_line WHERE batchId = ? ORDER BY lineNumber", arguments: [id])
        }
    }

    /// The code of the APIError `body` throws, or nil.
    func apiErrorCode(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let error as APIError {
            return error.code
        } catch {
            return "\(error)"
        }
    }
}
