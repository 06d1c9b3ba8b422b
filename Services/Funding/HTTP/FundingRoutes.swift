import Foundation
import FundingDomain
import Hummingbird
import ShouhuEvents
import ShouhuService

/// Shared helpers of the funding routes: who may do what, reading query values, and the
/// responses that are not plain JSON objects.
enum FundingRoutes {
    /// Officers who run and approve batches.
    static let batchOfficers: Set<Role> = [.fundingOfficer, .countyOfficer]
    /// Who may read batches, budgets and the audit trail.
    static let readers: Set<Role> = [.fundingOfficer, .countyOfficer, .auditor]

    /// The caller, who must be one of `roles` and see the whole county (a batch is the county's).
    static func countyCaller(_ context: ShouhuRequestContext, _ roles: Set<Role>) throws -> Caller {
        let caller = try context.requireCaller(roles)
        guard caller.seesWholeCounty else {
            throw APIError.forbidden("Batches are the whole county's; a token limited to \(caller.scope ?? "a scope") may not do this.")
        }
        return caller
    }

    /// A path parameter that must be a lowercase UUID (404 otherwise: no such thing exists).
    static func id(_ context: ShouhuRequestContext, _ name: String = "id") throws -> String {
        let value = String(try context.parameters.require(name))
        guard value.count == 36, value == value.lowercased(), UUID(uuidString: value) != nil else {
            throw APIError.notFound("No \(name == "id" ? "batch" : "child") \(value).")
        }
        return value
    }

    /// A query value from a fixed list, or nil when absent.
    static func choice(_ request: Request, _ name: String, _ allowed: [String]) throws -> String? {
        guard let value = request.uri.queryParameters[Substring(name)].map(String.init), !value.isEmpty else { return nil }
        guard allowed.contains(value) else {
            throw APIError.badRequest("`\(name)` must be one of \(allowed.joined(separator: ", ")).", code: "invalid_\(name)", field: name)
        }
        return value
    }

    /// A period from the query or a body, or a 400 naming `field`.
    static func period(_ text: String?, field: String = "period") throws -> DisbursementPeriod? {
        guard let text, !text.isEmpty else { return nil }
        guard let period = DisbursementPeriod(text) else {
            throw APIError.badRequest(
                "`\(field)` must be a semester (2026-S1 or 2026-spring, 2026-S2 or 2026-autumn) or a month (2026-09).",
                code: "invalid_period", field: field)
        }
        return period
    }

    /// A JSON response with a status, encoded as every Shouhu response is.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try ShouhuRequestContext.sharedEncoder.encode(value)
        return Response(status: status, headers: [.contentType: "application/json", .contentLength: String(data.count)],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// 422 `over_budget` in the contract's error shape, with the figures beside the message.
    static func overBudget(_ shortfall: BudgetShortfall) throws -> Response {
        struct Body: Encodable {
            struct Detail: Encodable {
                var code = "over_budget"
                var message: String
                var field = "period"
                var figures: Figures
            }
            struct Figures: Encodable {
                var year: Int
                var requiredFen: Int64
                var remainingFen: Int64
                var budgetFen: Int64
            }
            var error: Detail
        }
        let message = "The batch needs \(Yuan.text(fen: shortfall.requiredFen)) yuan but only \(Yuan.text(fen: shortfall.remainingFen)) yuan is left of the \(shortfall.year) budget of \(Yuan.text(fen: shortfall.budgetFen)) yuan. Ask for fitToBudget to pay in order while the money lasts, or raise the budget."
        return try json(Body(error: .init(message: message, figures: .init(
            year: shortfall.year, requiredFen: shortfall.requiredFen, remainingFen: shortfall.remainingFen, budgetFen: shortfall.budgetFen))),
                        status: .unprocessableContent)
    }
}

extension ShouhuRequestContext {
    /// The encoder of every response (sorted keys, RFC 3339 dates, unescaped slashes).
    static var sharedEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
