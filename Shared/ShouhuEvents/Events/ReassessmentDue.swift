/// A child must be assessed again (复评): once a term at least, and after any incident (domain.md,
/// Assessment). Notification reminds the assessors.
public struct ReassessmentDue: Event {
    public static let routingKey = "reassessment.due"
    public static let producer = ServiceName.assessment
    public static let consumers: Set<ServiceName> = [.notification]
    public static let version = 1

    /// Why a reassessment is due.
    public enum Reason: String, Codable, Sendable, CaseIterable, Hashable {
        /// The termly reassessment (每学期).
        case term
        /// An incident reported on a visit.
        case incident
    }

    /// The child, a lowercase UUID.
    public var childId: String
    /// The day by which the reassessment is due.
    public var dueOn: CalendarDate
    /// Why.
    public var why: Reason
    /// The visit that reported the incident, a lowercase UUID; present exactly when `why` is
    /// `incident`.
    public var incidentVisitId: String?

    /// Makes the event.
    public init(childId: String, dueOn: CalendarDate, why: Reason, incidentVisitId: String? = nil) {
        self.childId = childId
        self.dueOn = dueOn
        self.why = why
        self.incidentVisitId = incidentVisitId
    }

    /// Checks the ids, and that an incident names its visit and a termly one names none.
    public func validate() throws(EventValidationError) {
        try Check.uuid(childId, "childId")
        switch (why, incidentVisitId) {
        case (.incident, nil):
            throw EventValidationError(field: "incidentVisitId", reason: "is required when why is incident")
        case (.incident, let visitId?):
            try Check.uuid(visitId, "incidentVisitId")
        case (.term, nil):
            break
        case (.term, _?):
            throw EventValidationError(field: "incidentVisitId", reason: "must be null when why is term")
        }
    }

    private enum CodingKeys: String, CodingKey {
        case childId, dueOn, why, incidentVisitId
    }

    /// Writes every field, an absent visit id as `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(childId, forKey: .childId)
        try container.encode(dueOn, forKey: .dueOn)
        try container.encode(why, forKey: .why)
        try container.encode(incidentVisitId, forKey: .incidentVisitId)
    }
}
