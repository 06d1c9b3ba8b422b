import Foundation
public import Hummingbird

/// One page of a list, as the contract shapes it: `{"items": [...], "nextCursor": "..."}`, with
/// `nextCursor` absent on the last page.
public struct Page<Item: Encodable & Sendable>: ResponseEncodable, Sendable {
    /// The items of this page, in the list's order.
    public var items: [Item]
    /// The cursor that fetches the next page, or `nil` on the last one.
    public var nextCursor: String?

    /// Makes a page.
    public init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }

    /// Makes a page from up to `request.limit + 1` fetched rows: the extra row only says there
    /// is more, and the cursor is made from the last row kept.
    public init<Row>(rows: [Row], request: PageRequest, item: (Row) throws -> Item, key: (Row) -> String) rethrows {
        let kept = rows.prefix(request.limit)
        items = try kept.map(item)
        nextCursor = rows.count > request.limit ? kept.last.map { PageRequest.cursor(after: key($0)) } : nil
    }
}

/// The paging part of a list request: `?limit=` (1…500, default 50) and `?cursor=`, an opaque
/// token that carries the sort key of the last item already seen.
public struct PageRequest: Sendable, Equatable {
    /// The most items a page holds.
    public var limit: Int
    /// The sort key after which this page starts, or `nil` for the first page.
    public var after: String?

    /// The largest `limit` a caller may ask for.
    public static let maximumLimit = 500
    /// The `limit` when none is given.
    public static let defaultLimit = 50

    /// Makes a request by hand (tests, benchmarks).
    public init(limit: Int = PageRequest.defaultLimit, after: String? = nil) {
        self.limit = limit
        self.after = after
    }

    /// Reads `limit` and `cursor` from the query.
    /// - Throws: 400 `invalid_limit` or `invalid_cursor` naming the parameter.
    public init(_ request: Request) throws(APIError) {
        let query = request.uri.queryParameters
        if let text = query["limit"].map(String.init) {
            guard let value = Int(text), (1...Self.maximumLimit).contains(value) else {
                throw .badRequest("`limit` must be a whole number from 1 to \(Self.maximumLimit).", code: "invalid_limit", field: "limit")
            }
            limit = value
        } else {
            limit = Self.defaultLimit
        }
        if let cursor = query["cursor"].map(String.init), !cursor.isEmpty {
            guard let key = Self.key(fromCursor: cursor) else {
                throw .badRequest("`cursor` is not one this service gave out.", code: "invalid_cursor", field: "cursor")
            }
            after = key
        } else {
            after = nil
        }
    }

    /// The cursor for a page that starts after `key`.
    public static func cursor(after key: String) -> String {
        Data(("c1:" + key).utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The key a cursor carries, or `nil` if it is not one of ours.
    static func key(fromCursor cursor: String) -> String? {
        var base64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8),
              text.hasPrefix("c1:") else { return nil }
        return String(text.dropFirst(3))
    }
}
