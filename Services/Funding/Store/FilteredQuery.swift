import GRDB

/// A SELECT built from a fixed start and optional filters, so each list reads as what it filters
/// on rather than as string surgery.
struct FilteredQuery {
    private(set) var sql: String
    private(set) var arguments: StatementArguments

    init(_ sql: String, _ arguments: StatementArguments = []) {
        self.sql = sql
        self.arguments = arguments
    }

    /// Adds `AND <condition>` with its arguments.
    mutating func and(_ condition: String, _ values: StatementArguments = []) {
        sql += " AND " + condition
        _ = arguments.append(contentsOf: values)
    }

    /// Adds `AND <column> = ?` when `value` is given.
    mutating func and(_ column: String, equals value: (any DatabaseValueConvertible)?) {
        guard let value else { return }
        and("\(column) = ?", [value])
    }

    /// The rows of one page: ordered by `order`, at most `limit + 1` (the extra one says there is more).
    func page(_ db: Database, order: String, limit: Int) throws -> [Row] {
        var arguments = arguments
        _ = arguments.append(contentsOf: [limit + 1])
        return try Row.fetchAll(db, sql: sql + " ORDER BY \(order) LIMIT ?", arguments: arguments)
    }
}
