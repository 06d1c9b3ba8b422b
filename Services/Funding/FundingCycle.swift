import Foundation
public import FundingDomain
public import ShouhuEvents
public import ShouhuService
public import ShouhuStore

/// The disbursement cycle without HTTP, for tools and benchmarks that hold the service's store:
/// the same store functions the routes call, each in its own write transaction.
public struct FundingCycle: Sendable {
    let database: ServiceDatabase
    let configuration: FundingConfiguration

    /// Reads the funding settings (see `FundingConfiguration`) for a store.
    /// - Throws: `SettingsError` for a setting that is not valid.
    public init(database: ServiceDatabase, settings: Settings) throws {
        self.database = database
        configuration = try FundingConfiguration(settings: settings)
    }

    /// Drafts a batch for `period` decided on `today`; returns its id.
    public func draft(_ period: DisbursementPeriod, by caller: Caller, now: Date, today: CalendarDate, fitToBudget: Bool = false) throws -> String {
        try database.pool.write { db in
            try BatchStore.create(db, period: period, fitToBudget: fitToBudget, note: nil, caller: caller, now: now, today: today,
                                  configuration: configuration)
        }
    }

    /// Approves a draft as a second officer; returns how many lines dropped out.
    public func approve(_ batchId: String, by caller: Caller, now: Date, today: CalendarDate) throws -> Int {
        try database.pool.write { db in
            try BatchStore.approve(db, id: batchId, caller: caller, now: now, today: today, configuration: configuration,
                                   outbox: database.outbox).dropped.count
        }
    }

    /// The payment order of an approved batch (recording the export in the audit trail).
    public func paymentOrder(_ batchId: String, by caller: Caller, now: Date) throws -> PaymentOrder {
        try database.pool.write { db in
            let order = try PaymentOrder.load(db, batchId: batchId, debtor: configuration.debtor, county: configuration.county)
            try AuditLog.record(db, .paymentFileExported, by: caller, at: now, batchId: batchId, detail: "\(order.count) payments")
            return order
        }
    }

    /// Applies a results CSV; returns how many payments were paid, failed and reported.
    public func applyResults(csv: String, to batchId: String, by caller: Caller, now: Date) throws -> (paid: Int, failed: Int, reported: Int) {
        let read = try ResultsCSV.read(csv)
        let result = try database.pool.write { db in
            try SettlementStore.apply(db, batchId: batchId, read: read, sha256: FileDigest.sha256(Data(csv.utf8)), format: "csv", caller: caller,
                                      now: now, county: configuration.county, outbox: database.outbox)
        }
        return (result.paid, result.failed, result.reported.count)
    }

    /// Adds children to the projection as registrations would, with a payee account each (for
    /// loading a store in benchmarks and demos).
    public func seed(_ children: [FundingChild], accountNumber: (Int) -> String, by caller: Caller, now: Date) throws {
        try database.pool.write { db in
            for (index, child) in children.enumerated() {
                try ChildProjection.save(db, child)
                try db.execute(
                    sql: """
                        INSERT INTO payee_account (childId, bankName, accountNumber, holderName, holderIsGuardian, enteredBy, enteredAt)
                        VALUES (?, '农村信用社', ?, ?, 1, ?, ?)
                        """,
                    arguments: [child.childId, accountNumber(index), child.guardianName ?? "监护人", caller.subject, now.storedText])
            }
        }
    }
}
