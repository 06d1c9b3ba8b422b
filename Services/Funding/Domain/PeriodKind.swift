/// How long one entitlement lasts: school pupils are paid per semester, university students per
/// month (seed 000 篇六: "每学期小学500元、初中800元、高中1300元，大学每月400元").
public enum PeriodKind: String, Codable, Sendable, CaseIterable, Hashable {
    /// A school semester (学期).
    case semester
    /// A calendar month (月).
    case month
}
