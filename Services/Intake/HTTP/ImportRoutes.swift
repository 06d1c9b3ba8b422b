import Crypto
import Foundation
import GRDB
import Hummingbird
import IntakeImport
import ShouhuEvents
import ShouhuService
import ShouhuStore

/// `POST /imports` (a ledger file, CSV or `.xlsx`, as the request body), `GET /imports/{id}`
/// (progress and counts, readable while the import runs) and `GET /imports/{id}/rows` (the
/// per-row results, paged).
///
/// The file is streamed to a temporary file as it arrives, under its own limit
/// (`SHOUHU_INTAKE_IMPORT_MAX_BYTES`, 64 MiB by default, not the 1 MiB of JSON bodies), then read
/// row by row. The answer streams the per-row results from the store page by page, so a
/// 50,000-row file's result is never held in memory.
struct ImportRoutes: Sendable {
    let ledger: Ledger
    let context: ServiceContext

    /// An import's progress and counts.
    struct Summary: ResponseEncodable, Codable, Sendable {
        var id: String
        var status: String
        var format: String
        var bytes: Int
        var fileSHA256: String
        var createdBy: String
        var startedAt: Date
        var finishedAt: Date?
        var rowsRead: Int
        var created: Int
        var duplicates: Int
        var rejected: Int
        var failure: String?

        init(row: Row) {
            id = row["id"]
            status = row["status"]
            format = row["format"]
            bytes = row["bytes"]
            fileSHA256 = row["fileSHA256"]
            createdBy = row["createdBy"]
            startedAt = Date(timeIntervalSince1970: row["startedAt"])
            finishedAt = (row["finishedAt"] as Double?).map(Date.init(timeIntervalSince1970:))
            rowsRead = row["rowsRead"]
            created = row["created"]
            duplicates = row["duplicates"]
            rejected = row["rejected"]
            failure = row["failure"]
        }
    }

    /// One row's result: created (with the new child), duplicate (with the child already
    /// there) or rejected (with the field, code and reason).
    struct RowResult: Codable, Sendable {
        var row: Int
        var outcome: String
        var childId: String?
        var field: String?
        var code: String?
        var message: String?

        init(row: Row) {
            self.row = row["rowNumber"]
            outcome = row["outcome"]
            childId = row["childId"]
            field = row["field"]
            code = row["code"]
            message = row["message"]
        }

        /// Writes the result as the import's answer encodes it (`JSONEncoder` with sorted keys,
        /// slashes unescaped, absent fields left out): byte for byte the same, without a boxed
        /// tree per row for a file of 50,000.
        func write(into json: inout JSONBytes) {
            json.open()
            json.membersIfPresent(["childId": childId, "code": code, "field": field, "message": message])
            json.member("outcome", outcome)
            json.member("row", row)
            json.close()
        }
    }

    func add(to router: Router<ShouhuRequestContext>) {
        router.post("/imports") { request, http in try await create(request, http) }
        router.get("/imports/{id}") { request, http in
            let caller = try http.requireCaller(IntakeAccess.readImports)
            return try await summary(try http.parameters.require("id"), caller: caller)
        }
        router.get("/imports/{id}/rows") { request, http in
            let caller = try http.requireCaller(IntakeAccess.readImports)
            let id = try http.parameters.require("id")
            _ = try await summary(id, caller: caller)
            let page = try PageRequest(request)
            let outcome = request.uri.queryParameters["outcome"].map(String.init)
            if let outcome, !["created", "duplicate", "rejected"].contains(outcome) {
                throw APIError.badRequest("`outcome` must be created, duplicate or rejected.", code: "invalid_query",
                                          field: "outcome")
            }
            let after = Int(page.after ?? "0") ?? 0
            let rows = try await context.database.pool.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT * FROM import_rows WHERE importId = ? AND rowNumber > ? AND (? IS NULL OR outcome = ?)
                    ORDER BY rowNumber LIMIT ?
                    """, arguments: [id, after, outcome, outcome, page.limit + 1])
            }
            return Page(rows: rows, request: page, item: RowResult.init(row:), key: { String($0["rowNumber"] as Int) })
        }
    }

    /// The import, if the caller may read it: their own, or any for the county and the auditor.
    func summary(_ id: String, caller: Caller) async throws -> Summary {
        let row = try await context.database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM imports WHERE id = ?", arguments: [id])
        }
        guard let row, caller.seesWholeCounty || (row["createdBy"] as String) == caller.subject else {
            throw APIError.notFound("No import \(id) of yours.")
        }
        return Summary(row: row)
    }

    // MARK: - Create

    func create(_ request: Request, _ http: ShouhuRequestContext) async throws -> Response {
        let caller = try http.requireCaller(IntakeAccess.importLedgers)
        _ = try ledger.requireVault()
        let limit = ledger.configuration.importMaxBytes
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("shouhu-import-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        let (bytes, digest) = try await Self.spool(request.body, to: file, limit: limit)
        guard bytes > 0 else {
            throw APIError.badRequest("The body is empty: send the ledger file (CSV or .xlsx) as the body.",
                                      code: "empty_file")
        }
        let source: ImportSource
        do throws(ImportError) {
            source = try ImportSource(url: file)
        } catch {
            throw APIError.badRequest(error.message, code: error.code)
        }
        let now = context.clock.now()
        let importId = EventID.next(at: now)
        let format = source.format.rawValue
        try await context.database.pool.write { db in
            try db.execute(sql: """
                INSERT INTO imports (id, status, format, fileSHA256, bytes, createdBy, role, scope, startedAt)
                VALUES (?, 'running', ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [importId, format, digest, bytes, caller.subject, caller.role.rawValue,
                                 caller.scope, now.timeIntervalSince1970])
        }
        let clock = context.clock
        do {
            _ = try await LedgerImporter(ledger: ledger, database: context.database)
                .run(importId: importId, source: source, caller: caller, now: { clock.now() })
        } catch {
            try? await context.database.pool.write { db in
                try db.execute(sql: "UPDATE imports SET status = 'failed', failure = ? WHERE id = ?",
                               arguments: ["The import stopped on an internal error; rows before it are kept.", importId])
            }
            throw error
        }
        let summary = try await self.summary(importId, caller: caller)
        return Self.streamedResult(summary, database: context.database)
    }

    /// Writes the body to `file` as it arrives; refuses it once it passes `limit`.
    /// - Returns: the byte count and the SHA-256 of the file (hex), to recognise a file sent twice.
    static func spool(_ body: RequestBody, to file: URL, limit: Int) async throws -> (Int, String) {
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
            throw APIError.internalError(reference: "spool")
        }
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        var hasher = SHA256()
        var count = 0
        for try await buffer in body {
            count += buffer.readableBytes
            guard count <= limit else {
                throw APIError(status: .contentTooLarge, code: "payload_too_large",
                               message: "The file is larger than the import limit of \(limit) bytes "
                                   + "(SHOUHU_INTAKE_IMPORT_MAX_BYTES).")
            }
            let data = Data(buffer.readableBytesView)
            hasher.update(data: data)
            try handle.write(contentsOf: data)
        }
        return (count, ResidentIDVault.hex(hasher.finalize()))
    }

    /// `201` with `{"import": {…}, "rows": [{…}, …]}`, the rows read from the store a page at a
    /// time as the body is written.
    static func streamedResult(_ summary: Summary, database: ServiceDatabase) -> Response {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let importId = summary.id
        let body = ResponseBody { writer in
            var head = Data(#"{"import":"#.utf8)
            head.append(try encoder.encode(summary))
            head.append(Data(#","rows":["#.utf8))
            try await writer.write(ByteBuffer(bytes: head))
            var after = 0
            var first = true
            while true {
                let cursor = after
                let rows = try await database.pool.read { db in
                    try Row.fetchAll(db, sql: """
                        SELECT * FROM import_rows WHERE importId = ? AND rowNumber > ? ORDER BY rowNumber LIMIT 1000
                        """, arguments: [importId, cursor]).map(RowResult.init(row:))
                }
                guard let last = rows.last else { break }
                var chunk = JSONBytes(escapesSlashes: false)
                for row in rows {
                    if !first { chunk.separator() }
                    first = false
                    row.write(into: &chunk)
                }
                try await writer.write(ByteBuffer(bytes: chunk.bytes))
                after = last.row
            }
            try await writer.write(ByteBuffer(string: "]}"))
            try await writer.finish(nil)
        }
        return Response(status: .created, headers: [.contentType: "application/json", .location: "/imports/\(importId)"],
                        body: body)
    }
}
