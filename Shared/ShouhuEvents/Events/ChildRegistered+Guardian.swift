extension ChildRegistered {
    /// The person who guards the child day to day while the parents are away (监护人). The
    /// assessment derives the guardian category (被监护人类型) from `relation`.
    public struct Guardian: Codable, Sendable, Hashable {
        /// How the guardian is related to the child (监护人与儿童关系).
        public var relation: GuardianRelation
        /// The guardian's name; required unless `relation` is `none`.
        public var name: String?
        /// The guardian's phone, if any.
        public var phone: String?

        /// Makes a guardian entry.
        public init(relation: GuardianRelation, name: String? = nil, phone: String? = nil) {
            self.relation = relation
            self.name = name
            self.phone = phone
        }

        /// Checks that a guardian has a name (unless there is none) and that the phone is one.
        public func validate() throws(EventValidationError) {
            if let name {
                try Check.personName(name, "name")
            } else {
                try Check.that(relation == GuardianRelation.none, "name", "is required unless relation is none")
            }
            if let phone { try Check.phone(phone, "phone") }
        }

        private enum CodingKeys: String, CodingKey {
            case relation, name, phone
        }

        /// Writes every field, absent optionals as `null`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(relation, forKey: .relation)
            try container.encode(name, forKey: .name)
            try container.encode(phone, forKey: .phone)
        }
    }
}
