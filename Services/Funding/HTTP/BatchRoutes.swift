import Foundation
import FundingDomain
import Hummingbird
import ShouhuEvents
import ShouhuService

/// The disbursement cycle over HTTP: draft, read, approve, cancel, payment files, bank results.
struct BatchRoutes {
    let context: ServiceContext
    let configuration: FundingConfiguration

    struct CreateRequest: Decodable {
        var period: String
        var fitToBudget: Bool?
        var note: String?
    }

    struct CancelRequest: Decodable {
        var reason: String
    }

    struct ApprovalResponse: Encodable {
        struct Dropped: Encodable {
            var childId: String
            var reason: String
        }
        var batch: BatchQueries.Summary
        var dropped: [Dropped]
    }

    func add(to router: Router<ShouhuRequestContext>) {
        let pool = context.database.pool
        let clock = context.clock
        let configuration = configuration
        let outbox = context.database.outbox
        let county = configuration.county

        router.post("/batches") { request, context in
            let caller = try FundingRoutes.countyCaller(context, FundingRoutes.batchOfficers)
            let body = try await request.decodeJSON(as: CreateRequest.self, context: context)
            let period = try FundingRoutes.period(body.period)!
            let note = body.note?.trimmingCharacters(in: .whitespacesAndNewlines)
            if let note, note.count > 500 {
                throw APIError.badRequest("`note` must be at most 500 characters.", code: "invalid_note", field: "note")
            }
            let today = clock.today()
            guard period.firstDay <= today.adding(days: configuration.advanceDays) else {
                throw APIError.unprocessable(
                    "\(period.name) starts on \(period.firstDay); a batch may be drafted at most \(configuration.advanceDays) days ahead.",
                    code: "period_not_open", field: "period")
            }
            let now = clock.now()
            do {
                let summary = try await pool.write { db in
                    let id = try BatchStore.create(db, period: period, fitToBudget: body.fitToBudget ?? false, note: note?.isEmpty == true ? nil : note,
                                                   caller: caller, now: now, today: today, configuration: configuration)
                    return try BatchQueries.summary(db, id: id, county: county)
                }
                return try FundingRoutes.json(summary, status: .created)
            } catch let shortfall as BudgetShortfall {
                return try FundingRoutes.overBudget(shortfall)
            }
        }

        router.get("/batches") { request, context in
            _ = try FundingRoutes.countyCaller(context, FundingRoutes.readers)
            let page = try PageRequest(request)
            let period = try FundingRoutes.period(request.uri.queryParameters["period"].map(String.init))
            let status = try FundingRoutes.choice(request, "status", ["draft", "approved", "cancelled"])
            return try await pool.read { db in
                try BatchQueries.list(db, period: period?.name, status: status, page: page, county: county)
            }
        }

        router.get("/batches/{id}") { _, context in
            _ = try FundingRoutes.countyCaller(context, FundingRoutes.readers)
            let id = try FundingRoutes.id(context)
            return try await pool.read { db in try BatchQueries.summary(db, id: id, county: county) }
        }

        router.get("/batches/{id}/lines") { request, context in
            let caller = try context.requireCaller(FundingRoutes.readers)
            let id = try FundingRoutes.id(context)
            let page = try PageRequest(request)
            let status = try FundingRoutes.choice(request, "status", ["draft", "pending", "paid", "failed", "dropped", "cancelled"])
            return try await pool.read { db in
                try BatchQueries.lines(db, batchId: id, status: status, scope: caller.listScope, page: page)
            }
        }

        router.get("/batches/{id}/exclusions") { request, context in
            let caller = try context.requireCaller(FundingRoutes.readers)
            let id = try FundingRoutes.id(context)
            let page = try PageRequest(request)
            let reason = try FundingRoutes.choice(request, "reason", ExclusionReason.allCases.map(\.rawValue))
            return try await pool.read { db in
                try BatchQueries.exclusions(db, batchId: id, reason: reason, scope: caller.listScope, page: page)
            }
        }

        router.post("/batches/{id}/approve") { _, context in
            let caller = try FundingRoutes.countyCaller(context, FundingRoutes.batchOfficers)
            let id = try FundingRoutes.id(context)
            let now = clock.now(), today = clock.today()
            do {
                let response = try await pool.write { db in
                    let approval = try BatchStore.approve(db, id: id, caller: caller, now: now, today: today,
                                                          configuration: configuration, outbox: outbox)
                    return ApprovalResponse(
                        batch: try BatchQueries.summary(db, id: id, county: county),
                        dropped: approval.dropped.map { .init(childId: $0.childId, reason: $0.reason.rawValue) })
                }
                return try FundingRoutes.json(response)
            } catch let shortfall as BudgetShortfall {
                return try FundingRoutes.overBudget(shortfall)
            }
        }

        router.post("/batches/{id}/cancel") { request, context in
            let caller = try FundingRoutes.countyCaller(context, FundingRoutes.batchOfficers)
            let id = try FundingRoutes.id(context)
            let body = try await request.decodeJSON(as: CancelRequest.self, context: context)
            let reason = body.reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard (1...500).contains(reason.count) else {
                throw APIError.badRequest("`reason` must be 1 to 500 characters.", code: "invalid_reason", field: "reason")
            }
            let now = clock.now()
            return try await pool.write { db in
                try BatchStore.cancel(db, id: id, reason: reason, caller: caller, now: now)
                return try BatchQueries.summary(db, id: id, county: county)
            }
        }

        router.get("/batches/{id}/payment-file") { request, context in
            let caller = try FundingRoutes.countyCaller(context, FundingRoutes.batchOfficers)
            let id = try FundingRoutes.id(context)
            guard let format = try FundingRoutes.choice(request, "format", ["csv", "pain001"]) else {
                throw APIError.badRequest("`format` is required: csv or pain001.", code: "invalid_format", field: "format")
            }
            let now = clock.now()
            let (order, number) = try await pool.write { db in
                let order = try PaymentOrder.load(db, batchId: id, debtor: configuration.debtor, county: county)
                try AuditLog.record(db, .paymentFileExported, by: caller, at: now, batchId: id,
                                    detail: "\(format): \(order.count) payments, \(Yuan.text(fen: order.totalFen)) yuan")
                return (order, order.messageId)
            }
            let bytes: [UInt8]
            let type: String
            if format == "csv" {
                bytes = PaymentCSVWriter.document(order)
                type = "text/csv; charset=utf-8"
            } else {
                bytes = Array(Pain001Writer.document(order).utf8)
                type = "application/xml; charset=utf-8"
            }
            let name = "\(number).\(format == "csv" ? "csv" : "xml")"
            return Response(
                status: .ok,
                headers: [.contentType: type, .contentLength: String(bytes.count), .contentDisposition: "attachment; filename=\"\(name)\""],
                body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }

        router.post("/batches/{id}/results") { request, context in
            let caller = try FundingRoutes.countyCaller(context, [.fundingOfficer])
            let id = try FundingRoutes.id(context)
            let buffer: ByteBuffer
            let limit = configuration.resultsMaxBytes
            do {
                buffer = try await request.body.collect(upTo: limit)
            } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
                throw APIError(status: .contentTooLarge, code: "payload_too_large",
                               message: "The results file is larger than the limit of \(limit) bytes (SHOUHU_FUNDING_RESULTS_MAX_BYTES).")
            }
            let data = Data(buffer.readableBytesView)
            let contentType = request.headers[.contentType]?.lowercased() ?? ""
            let read: (lines: [Reconciliation.ResultLine], problems: [ResultsCSV.Problem])
            let format: String
            if contentType.hasPrefix("text/csv") {
                format = "csv"
                var bytes = data[...]
                if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
                guard let text = String(bytes: bytes, encoding: .utf8) else {
                    throw APIError.badRequest("The CSV is not UTF-8.", code: "invalid_results_file")
                }
                do throws(ResultsCSV.FileError) { read = try ResultsCSV.read(text) } catch { throw APIError.badRequest(error.message, code: "invalid_results_file") }
            } else if contentType.hasPrefix("application/xml") || contentType.hasPrefix("text/xml") {
                format = "pain002"
                do throws(Pain002Reader.FileError) { read = try Pain002Reader.read(data) } catch { throw APIError.badRequest(error.message, code: "invalid_results_file") }
            } else {
                throw APIError.badRequest("Send the results as text/csv or application/xml (pain.002).",
                                          code: "unsupported_content_type", field: "Content-Type")
            }
            let sha = FileDigest.sha256(data)
            let now = clock.now()
            return try await pool.write { db in
                try SettlementStore.apply(db, batchId: id, read: read, sha256: sha, format: format, caller: caller, now: now,
                                          county: county, outbox: outbox)
            }
        }
    }
}
