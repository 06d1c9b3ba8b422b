/// A mentor (帮扶人) joined the registry: a teacher, a cadre or a volunteer, attached to a
/// school or to an administrative division, with the contacts notification uses to reach them.
public struct MentorRegistered: Event {
    public static let routingKey = "mentor.registered"
    public static let producer = ServiceName.mentoring
    public static let consumers: Set<ServiceName> = [.notification]
    public static let version = 1

    /// The mentor, a lowercase UUID.
    public var mentorId: String
    /// The mentor's name, 1–50 characters once trimmed.
    public var name: String
    /// Teacher, cadre or volunteer.
    public var role: MentorRole
    /// The mentor's school, for teachers; at least one of `schoolId` and `divisionCode`.
    public var schoolId: String?
    /// The division the mentor serves (county 6, township 9 or village 12 digits), for cadres
    /// and volunteers.
    public var divisionCode: String?
    /// A mobile or landline the SMS gateway or an officer can use.
    public var phone: String
    /// An e-mail address, if the mentor has one.
    public var email: String?

    /// Makes the event.
    public init(
        mentorId: String, name: String, role: MentorRole, schoolId: String? = nil,
        divisionCode: String? = nil, phone: String, email: String? = nil
    ) {
        self.mentorId = mentorId
        self.name = name
        self.role = role
        self.schoolId = schoolId
        self.divisionCode = divisionCode
        self.phone = phone
        self.email = email
    }

    /// Checks the id, name, where the mentor belongs (a school or a division, at least one) and
    /// the contact details.
    public func validate() throws(EventValidationError) {
        try Check.uuid(mentorId, "mentorId")
        try Check.personName(name, "name")
        try Check.that(
            schoolId != nil || divisionCode != nil, "schoolId",
            "a mentor needs a schoolId or a divisionCode")
        if let schoolId { try Check.schoolId(schoolId, "schoolId") }
        if let divisionCode { try Check.divisionCode(divisionCode, "divisionCode") }
        try Check.phone(phone, "phone")
        if let email { try Check.email(email, "email") }
    }

    private enum CodingKeys: String, CodingKey {
        case mentorId, name, role, schoolId, divisionCode, phone, email
    }

    /// Writes every field, absent optionals as `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(mentorId, forKey: .mentorId)
        try container.encode(name, forKey: .name)
        try container.encode(role, forKey: .role)
        try container.encode(schoolId, forKey: .schoolId)
        try container.encode(divisionCode, forKey: .divisionCode)
        try container.encode(phone, forKey: .phone)
        try container.encode(email, forKey: .email)
    }
}
