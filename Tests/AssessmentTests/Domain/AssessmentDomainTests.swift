import AssessmentDomain
import ShouhuEvents
import Testing

/// The root suite of the assessment rules; every other suite is nested in it. Pure functions
/// only: no clock, no store, everything runs in milliseconds.
@Suite struct AssessmentDomainTests {}

// MARK: - Helpers shared by the suites

/// A calendar day from `YYYY-MM-DD`; a typo in a test stops the test run loudly.
func day(_ text: String) -> CalendarDate {
    guard let date = CalendarDate(text) else { fatalError("bad date in a test: \(text)") }
    return date
}

/// Scores in the order psychology, physical health, studies, guardianship, safety and living.
func scores(_ values: [Int]) throws -> DimensionScores {
    try #require(values.count == 5)
    return try DimensionScores(
        psychology: values[0], physicalHealth: values[1], studies: values[2],
        guardianship: values[3], safetyAndLiving: values[4])
}

/// An assessment with the derived category confirmed.
func input(
    _ relation: GuardianRelation, harm: HarmLevel? = nil, rating: GuardianRating = .good,
    scores values: [Int] = [1, 1, 1, 1, 1]
) throws -> AssessmentInput {
    AssessmentInput(
        guardianCategory: .confirmed(relation), harmLevel: harm, guardianRating: rating,
        scores: try scores(values))
}

/// Rates an assessment with the derived category confirmed.
func rate(
    _ relation: GuardianRelation, harm: HarmLevel? = nil, rating: GuardianRating = .good,
    scores values: [Int] = [1, 1, 1, 1, 1], policy: CarePolicy = .standard
) throws -> CareRating {
    CareLevelCalculator.rate(
        try input(relation, harm: harm, rating: rating, scores: values), policy: policy)
}
