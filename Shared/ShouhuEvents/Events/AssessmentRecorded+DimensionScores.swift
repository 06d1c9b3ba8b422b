extension AssessmentRecorded {
    /// The five dimensions of the care level (心级, seed 000 篇六), each scored 1 (no concern)
    /// to 4 (severe).
    public struct DimensionScores: Codable, Sendable, Hashable {
        /// Psychology (心理).
        public var psychology: Int
        /// Physical health (身体健康).
        public var physicalHealth: Int
        /// Studies (学习).
        public var studies: Int
        /// Guardianship (监护).
        public var guardianship: Int
        /// Safety and living conditions (安全与生活).
        public var safetyAndLiving: Int

        /// Makes a set of scores.
        public init(
            psychology: Int, physicalHealth: Int, studies: Int, guardianship: Int,
            safetyAndLiving: Int
        ) {
            self.psychology = psychology
            self.physicalHealth = physicalHealth
            self.studies = studies
            self.guardianship = guardianship
            self.safetyAndLiving = safetyAndLiving
        }

        /// Checks that each score is 1 to 4.
        public func validate() throws(EventValidationError) {
            try Check.range(psychology, 1...4, "psychology")
            try Check.range(physicalHealth, 1...4, "physicalHealth")
            try Check.range(studies, 1...4, "studies")
            try Check.range(guardianship, 1...4, "guardianship")
            try Check.range(safetyAndLiving, 1...4, "safetyAndLiving")
        }

        private enum CodingKeys: String, CodingKey {
            case psychology, physicalHealth, studies, guardianship, safetyAndLiving
        }

        /// Reads the scores; numbers that are not whole or do not fit are reported at their key.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            psychology = try container.decodeInteger(Int.self, forKey: .psychology)
            physicalHealth = try container.decodeInteger(Int.self, forKey: .physicalHealth)
            studies = try container.decodeInteger(Int.self, forKey: .studies)
            guardianship = try container.decodeInteger(Int.self, forKey: .guardianship)
            safetyAndLiving = try container.decodeInteger(Int.self, forKey: .safetyAndLiving)
        }
    }
}
