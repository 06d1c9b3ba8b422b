extension ChildRegistered {
    /// One parent's situation as the ledger keeps it (父母动态): working away (with where and
    /// since when), at home, deceased, disabled or ill, or unknown.
    public struct Parent: Codable, Sendable, Hashable {
        /// Father or mother.
        public var role: ParentRole
        /// The parent's situation.
        public var status: ParentStatus
        /// Where the parent works or lives (外出地点), free text up to 100 characters.
        public var place: String?
        /// Since when the status holds, e.g. the day the parent left (外出时间).
        public var since: CalendarDate?
        /// The parent's phone, if known.
        public var phone: String?

        /// Makes a parent entry.
        public init(
            role: ParentRole, status: ParentStatus, place: String? = nil, since: CalendarDate? = nil,
            phone: String? = nil
        ) {
            self.role = role
            self.status = status
            self.place = place
            self.since = since
            self.phone = phone
        }

        /// Checks the place and the phone when present.
        public func validate() throws(EventValidationError) {
            if let place { try Check.text(place, "place", max: 100) }
            if let phone { try Check.phone(phone, "phone") }
        }

        private enum CodingKeys: String, CodingKey {
            case role, status, place, since, phone
        }

        /// Writes every field, absent optionals as `null`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(role, forKey: .role)
            try container.encode(status, forKey: .status)
            try container.encode(place, forKey: .place)
            try container.encode(since, forKey: .since)
            try container.encode(phone, forKey: .phone)
        }
    }
}
