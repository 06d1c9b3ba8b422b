/// Why a child is due for reassessment; the raw value is `why` in `ReassessmentDue`.
public enum ReassessmentTrigger: String, Sendable, Hashable, Codable, CaseIterable {
    /// Not yet assessed in the current term (每学期至少评估一次).
    case term
    /// A visit reported concerns after the last assessment (发现问题，及时评估).
    case incident
}
