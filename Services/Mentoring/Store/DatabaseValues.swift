import GRDB
import ShouhuEvents

// The shared vocabulary as SQLite values: dates as `YYYY-MM-DD` text (which sorts as dates do),
// enums as their raw values.

extension CalendarDate: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> CalendarDate? {
        String.fromDatabaseValue(dbValue).flatMap { (text: String) in CalendarDate(text) }
    }
}

extension MentorRole: DatabaseValueConvertible {}
extension CareTier: DatabaseValueConvertible {}
extension Obligation: DatabaseValueConvertible {}
extension VisitKind: DatabaseValueConvertible {}
