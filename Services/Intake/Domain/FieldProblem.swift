/// One thing wrong with one field of a request (a child's file, an import row): the field as a
/// JSON path (`guardian.phone`, `parents[1].since`, `familyFlags[0]`), a snake_case code and a
/// message for the officer (English, the Chinese in parentheses). Validation reports every
/// problem at once, so a form can mark all its fields in one round.
public struct FieldProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The kinds of problem; the raw value is what the JSON carries.
    public enum Code: String, Sendable, Hashable, Codable, CaseIterable {
        /// A required field is absent or blank.
        case missingField = "missing_field"
        /// Longer than allowed.
        case tooLong = "too_long"
        /// Not one of the allowed values, or characters that may not appear there.
        case invalidValue = "invalid_value"
        /// Not a date written `YYYY-MM-DD`, or no such day.
        case invalidDate = "invalid_date"
        /// A date after today.
        case dateInFuture = "date_in_future"
        /// A number or date outside its range.
        case outOfRange = "out_of_range"
        /// Not a mobile or landline number.
        case invalidPhone = "invalid_phone"
        /// A resident ID number that fails GB 11643 (the HTTP layer answers 400
        /// `invalid_id_number`).
        case invalidIDNumber = "invalid_id_number"
        /// A valid ID number whose birth date or gender is not the one given in the file.
        case idNumberMismatch = "id_number_mismatch"
        /// A village code that is not 12 digits, or is a township's own code.
        case invalidVillageCode = "invalid_village_code"
        /// A village code of another county.
        case villageOutsideCounty = "village_outside_county"
        /// A village code under no township of the county.
        case unknownTownship = "unknown_township"
        /// A village code missing from the county's loaded village list.
        case unknownVillage = "unknown_village"
        /// Two fields that contradict each other.
        case inconsistentValue = "inconsistent_value"
        /// A value given twice where it may appear once.
        case duplicateValue = "duplicate_value"
    }

    /// Where: a JSON path into the request body.
    public let field: String
    /// What kind of problem.
    public let code: Code
    /// What is wrong, for the officer.
    public let message: String

    /// Makes a problem.
    public init(field: String, code: Code, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }

    /// `field: code: message`.
    public var description: String { "\(field): \(code.rawValue): \(message)" }
}
