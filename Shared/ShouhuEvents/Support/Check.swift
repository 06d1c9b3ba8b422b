/// The small checks every `validate()` is made of, each throwing an `EventValidationError` that
/// names the field. Internal: other modules use `FieldFormat` for the formats themselves.
enum Check {
    static func that(
        _ condition: Bool, _ field: String, _ reason: @autoclosure () -> String
    ) throws(EventValidationError) {
        if !condition { throw EventValidationError(field: field, reason: reason()) }
    }

    static func uuid(_ value: String, _ field: String) throws(EventValidationError) {
        try that(FieldFormat.isLowercaseUUID(value), field, "must be a lowercase UUID")
    }

    static func personName(_ value: String, _ field: String) throws(EventValidationError) {
        try that(
            FieldFormat.isPersonName(value), field,
            "must be 1 to \(FieldFormat.nameMaxLength) characters once trimmed, without control characters"
        )
    }

    static func range(_ value: Int, _ range: ClosedRange<Int>, _ field: String)
        throws(EventValidationError)
    {
        try that(
            range.contains(value), field,
            "must be between \(range.lowerBound) and \(range.upperBound), got \(value)")
    }

    static func text(_ value: String, _ field: String, max: Int, newlines: Bool = false)
        throws(EventValidationError)
    {
        try that(
            FieldFormat.isText(value, maxLength: max, allowingNewlines: newlines), field,
            "must be non-blank text of at most \(max) characters, without control characters")
    }

    static func phone(_ value: String, _ field: String) throws(EventValidationError) {
        try that(
            FieldFormat.isPhone(value), field,
            "must be an 11-digit mobile starting with 1 or a landline of 7 to 20 digits and dashes, optionally after +86"
        )
    }

    static func email(_ value: String, _ field: String) throws(EventValidationError) {
        try that(FieldFormat.isEmail(value), field, "must be an e-mail address")
    }

    static func schoolId(_ value: String, _ field: String) throws(EventValidationError) {
        try that(
            FieldFormat.isSchoolId(value), field,
            "must be 1 to \(FieldFormat.schoolIdMaxLength) characters without surrounding spaces")
    }

    static func villageCode(_ value: String, _ field: String) throws(EventValidationError) {
        try that(FieldFormat.isVillageCode(value), field, "must be a 12-digit village code")
    }

    static func divisionCode(_ value: String, _ field: String) throws(EventValidationError) {
        try that(
            FieldFormat.isDivisionCode(value), field, "must be a division code of 6, 9 or 12 digits")
    }

    static func code(_ value: String, _ field: String) throws(EventValidationError) {
        try that(
            FieldFormat.isCode(value), field,
            "must be a snake_case code (lowercase letters, digits, underscores; at most 64)")
    }

    static func nonEmpty<T>(_ values: [T], _ field: String) throws(EventValidationError) {
        try that(!values.isEmpty, field, "must not be empty")
    }

    /// Fails on the second occurrence of a value, naming its index (`familyFlags[2]`).
    static func unique<T: Hashable>(_ values: [T], _ field: String) throws(EventValidationError) {
        var seen = Set<T>()
        for (index, value) in values.enumerated() {
            try that(seen.insert(value).inserted, "\(field)[\(index)]", "repeats \(value)")
        }
    }

    /// Runs a nested value's validation and reports its errors under `parent`.
    static func nested(_ parent: String, _ validate: () throws(EventValidationError) -> Void)
        throws(EventValidationError)
    {
        do throws(EventValidationError) {
            try validate()
        } catch {
            throw error.nested(under: parent)
        }
    }
}
