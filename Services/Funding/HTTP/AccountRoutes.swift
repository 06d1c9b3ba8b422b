import Foundation
import FundingDomain
import GRDB
import Hummingbird
import ShouhuEvents
import ShouhuService

/// Payee accounts and each child's payments.
struct AccountRoutes {
    let context: ServiceContext

    /// A child's payment history (补助发放记录).
    struct Payment: Codable, ResponseEncodable {
        var batchId: String
        var reference: String
        var period: String
        var amountFen: Int64
        var status: String
        var dropReason: String?
        var failureReason: String?
        var settledAt: String?
    }

    struct Payments: Codable, ResponseEncodable {
        var childId: String
        var items: [Payment]
    }

    func add(to router: Router<ShouhuRequestContext>) {
        let pool = context.database.pool
        let clock = context.clock

        router.put("/children/{childId}/payee-account") { request, context in
            let caller = try FundingRoutes.countyCaller(context, [.fundingOfficer])
            let childId = try FundingRoutes.id(context, "childId")
            let input = try await request.decodeJSON(as: PayeeAccounts.Input.self, context: context)
            let now = clock.now()
            return try await pool.write { db in try PayeeAccounts.set(db, childId: childId, input: input, caller: caller, now: now) }
        }

        router.get("/children/{childId}/payee-account") { _, context in
            _ = try FundingRoutes.countyCaller(context, FundingRoutes.readers)
            let childId = try FundingRoutes.id(context, "childId")
            guard let view = try await pool.read({ db in try PayeeAccounts.find(db, childId: childId) }) else {
                throw APIError.notFound("Child \(childId) has no payee account.")
            }
            return view
        }

        router.delete("/children/{childId}/payee-account") { _, context in
            let caller = try FundingRoutes.countyCaller(context, [.fundingOfficer])
            let childId = try FundingRoutes.id(context, "childId")
            let now = clock.now()
            try await pool.write { db in try PayeeAccounts.remove(db, childId: childId, caller: caller, now: now) }
            return HTTPResponse.Status.noContent
        }

        router.get("/children/{childId}/payments") { _, context in
            let caller = try context.requireCaller([.fundingOfficer, .countyOfficer, .auditor, .township, .village, .school])
            let childId = try FundingRoutes.id(context, "childId")
            return try await pool.read { db in
                let child = try ChildProjection.load(db, childId: childId)
                guard child.isRegistered, let village = child.villageCode,
                      caller.mayRead(ChildPlace(villageCode: village, schoolId: child.schoolId))
                else { throw APIError.notFound("No child \(childId) you may read.") }
                let rows = try Row.fetchAll(db, sql: """
                    SELECT batchId, reference, period, amountFen, status, dropReason, failureReason, settledAt
                    FROM batch_line WHERE childId = ? ORDER BY period, batchId
                    """, arguments: [childId])
                return Payments(childId: childId, items: rows.map {
                    Payment(batchId: $0["batchId"], reference: $0["reference"], period: $0["period"], amountFen: $0["amountFen"],
                            status: $0["status"], dropReason: $0["dropReason"], failureReason: $0["failureReason"], settledAt: $0["settledAt"])
                })
            }
        }
    }
}

extension PayeeAccounts.View: ResponseEncodable {}
extension BatchQueries.Summary: ResponseEncodable {}
extension SettlementStore.Result: ResponseEncodable {}
