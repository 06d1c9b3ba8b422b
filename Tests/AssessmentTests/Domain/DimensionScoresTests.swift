import AssessmentDomain
import Foundation
import Testing

extension AssessmentDomainTests {
    @Suite struct DimensionScoresTests {
        @Test func readsEachDimension() throws {
            let s = try scores([1, 2, 3, 4, 2])
            #expect(CareDimension.allCases.map { s[$0] } == [1, 2, 3, 4, 2])
            #expect(s.total == 12)
            #expect(s.highest == 4)
            #expect(s.dimensions(scoring: 2) == [.physicalHealth, .safetyAndLiving])
        }

        @Test(arguments: [
            ([0, 1, 1, 1, 1], CareDimension.psychology, 0),
            ([1, 5, 1, 1, 1], .physicalHealth, 5),
            ([1, 1, -1, 1, 1], .studies, -1),
            ([1, 1, 1, 9, 1], .guardianship, 9),
            ([1, 1, 1, 1, 0], .safetyAndLiving, 0),
        ])
        func refusesScoresOutsideOneToFour(values: [Int], dimension: CareDimension, score: Int) {
            #expect(throws: AssessmentRuleError.scoreOutOfRange(dimension: dimension, score: score))
            {
                try scores(values)
            }
        }

        @Test func encodesTheEventShape() throws {
            let data = try JSONEncoder().encode(try scores([1, 2, 3, 4, 1]))
            let object = try #require(
                try JSONSerialization.jsonObject(with: data) as? [String: Int])
            #expect(
                object == [
                    "psychology": 1, "physicalHealth": 2, "studies": 3, "guardianship": 4,
                    "safetyAndLiving": 1,
                ])
            #expect(
                try JSONDecoder().decode(DimensionScores.self, from: data)
                    == scores([1, 2, 3, 4, 1]))
        }

        @Test func decodingRefusesAScoreOutOfRange() {
            let json = Data(
                #"{"psychology":1,"physicalHealth":1,"studies":5,"guardianship":1,"safetyAndLiving":1}"#
                    .utf8)
            #expect(throws: DecodingError.self) {
                try JSONDecoder().decode(DimensionScores.self, from: json)
            }
        }
    }
}
