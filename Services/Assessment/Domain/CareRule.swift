/// A rule that can decide a care level (心级). `CareRating.decidedBy` lists the ones that did.
public enum CareRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// Category 1 (一类) → four hearts (`CarePolicy.categoryOneIsKey`).
    case categoryOne = "category_one"
    /// Harm level 1 or 2 → four hearts (`CarePolicy.severeHarmIsKey`).
    case severeHarm = "severe_harm"
    /// Guardian rated poor (差) → four hearts (`CarePolicy.poorGuardianIsKey`).
    case poorGuardian = "poor_guardian"
    /// Harm level 3 or 4 → at least the floor (`CarePolicy.moderateHarmRaisesFloor`).
    case moderateHarmFloor = "moderate_harm_floor"
    /// The five dimension scores (`CarePolicy.combination`).
    case scores
}
