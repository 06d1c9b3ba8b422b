/// Where a child is in schooling (学段). Subsidy standards and reports are per stage
/// (domain.md: primary 500, junior high 800, senior high 1,300 yuan a semester, university 400 a
/// month). Vocational upper-secondary (中职) is its own value but counts as senior high for
/// subsidies unless a county says otherwise.
public enum SchoolStage: String, Codable, Sendable, CaseIterable, Hashable {
    /// Not yet in primary school (学前), including infants.
    case preschool
    /// Primary school (小学).
    case primary
    /// Junior high school (初中).
    case juniorHigh = "junior_high"
    /// Senior high school (高中).
    case seniorHigh = "senior_high"
    /// Vocational upper-secondary school (中职).
    case vocational
    /// University or college (大学).
    case university
    /// Of school age but not in school: dropped out or never enrolled (辍学/失学).
    case notInSchool = "not_in_school"
}

/// Written and read by the fast codec as its raw value.
extension SchoolStage: WireStringEnum {}
