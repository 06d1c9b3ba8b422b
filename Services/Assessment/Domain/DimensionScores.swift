/// The five dimension scores of one assessment (心级五方面评分), each 1...4: 1 = no concern,
/// 2 = some concern, 3 = serious concern, 4 = severe concern. Always valid once made.
///
/// Encodes as `{"psychology": 1, "physicalHealth": 2, "studies": 1, "guardianship": 3,
/// "safetyAndLiving": 1}`, the shape of `dimensionScores` in `AssessmentRecorded`; decoding
/// refuses a score outside 1...4.
public struct DimensionScores: Sendable, Hashable, Codable {
    /// The allowed score of each dimension.
    public static let allowedRange: ClosedRange<Int> = 1...4

    /// 心理
    public let psychology: Int
    /// 身体健康
    public let physicalHealth: Int
    /// 学业
    public let studies: Int
    /// 监护
    public let guardianship: Int
    /// 安全与生活
    public let safetyAndLiving: Int

    /// Makes a set of scores.
    /// - Throws: `AssessmentRuleError.scoreOutOfRange` for the first score outside 1...4.
    public init(
        psychology: Int, physicalHealth: Int, studies: Int, guardianship: Int,
        safetyAndLiving: Int
    ) throws {
        let pairs: [(CareDimension, Int)] = [
            (.psychology, psychology), (.physicalHealth, physicalHealth), (.studies, studies),
            (.guardianship, guardianship), (.safetyAndLiving, safetyAndLiving),
        ]
        for (dimension, score) in pairs where !Self.allowedRange.contains(score) {
            throw AssessmentRuleError.scoreOutOfRange(dimension: dimension, score: score)
        }
        self.psychology = psychology
        self.physicalHealth = physicalHealth
        self.studies = studies
        self.guardianship = guardianship
        self.safetyAndLiving = safetyAndLiving
    }

    /// The score of one dimension.
    public subscript(dimension: CareDimension) -> Int {
        switch dimension {
        case .psychology: return psychology
        case .physicalHealth: return physicalHealth
        case .studies: return studies
        case .guardianship: return guardianship
        case .safetyAndLiving: return safetyAndLiving
        }
    }

    /// The sum of the five scores, 5...20.
    public var total: Int { CareDimension.allCases.reduce(0) { $0 + self[$1] } }

    /// The highest of the five scores: the child's worst dimension.
    public var highest: Int { CareDimension.allCases.map { self[$0] }.max() ?? 1 }

    /// The dimensions with the given score, in the order of `CareDimension.allCases`.
    public func dimensions(scoring score: Int) -> [CareDimension] {
        CareDimension.allCases.filter { self[$0] == score }
    }

    private enum CodingKeys: String, CodingKey {
        case psychology, physicalHealth, studies, guardianship, safetyAndLiving
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let values = try (
            c.decode(Int.self, forKey: .psychology), c.decode(Int.self, forKey: .physicalHealth),
            c.decode(Int.self, forKey: .studies), c.decode(Int.self, forKey: .guardianship),
            c.decode(Int.self, forKey: .safetyAndLiving)
        )
        do {
            try self.init(
                psychology: values.0, physicalHealth: values.1, studies: values.2,
                guardianship: values.3, safetyAndLiving: values.4)
        } catch let error as AssessmentRuleError {
            guard case .scoreOutOfRange(let dimension, _) = error,
                let key = CodingKeys(rawValue: dimension.rawValue)
            else { throw error }
            throw DecodingError.dataCorruptedError(
                forKey: key, in: c, debugDescription: error.description)
        }
    }
}
