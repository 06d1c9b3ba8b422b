import Foundation
import Hummingbird
import ShouhuEvents
import Testing

@testable import ShouhuService

/// The root suite: every other suite in this target is an extension of it, so shared fixtures
/// (the secret, the county, a fixed clock) are written once.
@Suite struct ShouhuServiceTests {
    static let secret = String(repeating: "0123456789abcdef", count: 4)
    static let county = "520330"
    /// 2026-11-24T11:00:00Z: every token test runs at this instant rather than the real clock.
    static let now = Date(timeIntervalSince1970: 1_795_518_000)
    static let codec = JWTCodec(secret: secret)

    /// The environment of a service with nothing set but the one required secret.
    static let minimalEnvironment = ["SHOUHU_JWT_SECRET": secret]

    static func token(
        role: Role,
        county: String = county,
        scope: String? = nil,
        expiresIn seconds: TimeInterval = 3_600
    ) -> String {
        codec.sign(
            Caller(subject: "tester", role: role, county: county, scope: scope),
            expiresAt: Date().addingTimeInterval(seconds)
        )
    }

    static func bearer(_ token: String) -> HTTPFields {
        [.authorization: "Bearer \(token)"]
    }

    static func errorBody(_ buffer: ByteBuffer) throws -> APIError.Body {
        try JSONDecoder().decode(APIError.Body.self, from: Data(buffer.readableBytesView))
    }
}
