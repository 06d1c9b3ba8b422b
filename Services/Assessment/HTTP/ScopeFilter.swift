import Hummingbird
import GRDB
import ShouhuEvents
import ShouhuService

/// The SQL condition that limits a list or report to what the caller may see (`c` is the
/// `child` table), and the query's own filters on township, village and school.
struct ScopeFilter {
    var conditions: [String] = ["c.registered = 1", "c.exitedOn IS NULL"]
    var arguments: StatementArguments = []

    /// The caller's scope.
    /// - Throws: 403 for a caller whose role or token gives no list (a mentor, a scope-less
    ///   township token).
    init(caller: Caller, county: String) throws(APIError) {
        switch caller.listScope {
        case .county:
            break
        case .division(let code) where code.count == 6:
            if code != county { add("0 = 1") }
        case .division(let code) where code.count == 9:
            add("c.townshipCode = ?", code)
        case .division(let code):
            add("c.villageCode = ?", code)
        case .school(let id):
            add("c.schoolId = ?", id)
        case .mentor, .nothing:
            throw .forbidden("Your token gives no list of children here: lists need a county role or a township, village or school scope.")
        }
    }

    /// Adds the `township`, `village` and `school` query parameters, each checked.
    /// - Throws: 400 naming a malformed parameter.
    mutating func addPlaceFilters(_ query: [String: String]) throws(APIError) {
        if let township = query["township"] {
            guard township.count == 9, DivisionCode.isWellFormed(township) else {
                throw .badRequest("`township` must be a 9-digit township code.", code: "invalid_query", field: "township")
            }
            add("c.townshipCode = ?", township)
        }
        if let village = query["village"] {
            guard FieldFormat.isVillageCode(village) else {
                throw .badRequest("`village` must be a 12-digit village code.", code: "invalid_query", field: "village")
            }
            add("c.villageCode = ?", village)
        }
        if let school = query["school"] {
            guard FieldFormat.isSchoolId(school) else {
                throw .badRequest("`school` is not a school id.", code: "invalid_query", field: "school")
            }
            add("c.schoolId = ?", school)
        }
    }

    mutating func add(_ condition: String, _ values: (any DatabaseValueConvertible)?...) {
        conditions.append(condition)
        for value in values { arguments += [value] }
    }

    /// `WHERE …` with every condition.
    var whereClause: String { "WHERE " + conditions.joined(separator: " AND ") }
}

extension Request {
    /// The query parameters as single strings, empty ones dropped.
    var queryValues: [String: String] {
        var values: [String: String] = [:]
        for (key, value) in uri.queryParameters where !value.isEmpty { values[String(key)] = String(value) }
        return values
    }
}
