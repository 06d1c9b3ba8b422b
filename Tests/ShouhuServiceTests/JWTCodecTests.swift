import Foundation
import Testing

@testable import ShouhuService

extension ShouhuServiceTests {
    @Suite struct JWTCodecTests {
        let codec = ShouhuServiceTests.codec
        let now = ShouhuServiceTests.now
        let county = ShouhuServiceTests.county

        func caller(_ role: Role = .countyOfficer, scope: String? = nil) -> Caller {
            Caller(subject: "officer-7", role: role, county: county, scope: scope)
        }

        /// Signs hand-written claims with the real secret, as a confused or malicious issuer might.
        func token(claims: String, header: String = #"{"alg":"HS256","typ":"JWT"}"#) -> String {
            codec.sign(header: Data(header.utf8), claims: Data(claims.utf8))
        }

        func verifying(_ token: String) throws(AuthError) -> Caller {
            try codec.verify(token, now: now, county: county)
        }

        var expiry: Int { Int(now.timeIntervalSince1970) + 3_600 }

        @Test func aGoodTokenGivesBackItsCaller() throws {
            let original = caller(.village, scope: "520330101201")
            let token = codec.sign(original, expiresAt: now.addingTimeInterval(3_600), issuedAt: now)
            #expect(try verifying(token) == original)
            #expect(!token.contains("="))
        }

        @Test func anExpiredTokenIsRefused() {
            let token = codec.sign(caller(), expiresAt: now.addingTimeInterval(-61), issuedAt: now.addingTimeInterval(-3_600))
            #expect(throws: AuthError.expired) { try verifying(token) }
        }

        @Test func aTokenJustPastExpiryPassesWithinTheLeeway() throws {
            let token = codec.sign(caller(), expiresAt: now.addingTimeInterval(-30), issuedAt: now.addingTimeInterval(-3_600))
            #expect(try verifying(token).role == .countyOfficer)
        }

        @Test func aTokenFromAnotherSecretIsRefused() {
            let forger = JWTCodec(secret: String(repeating: "f", count: 64))
            let token = forger.sign(caller(), expiresAt: now.addingTimeInterval(3_600), issuedAt: now)
            #expect(throws: AuthError.badSignature) { try verifying(token) }
        }

        @Test func aTamperedPayloadIsRefused() {
            let token = codec.sign(caller(.village), expiresAt: now.addingTimeInterval(3_600), issuedAt: now)
            let parts = token.split(separator: ".")
            let promoted = Base64URL.encode(
                Data(#"{"county":"520330","exp":\#(expiry),"role":"admin","sub":"officer-7"}"#.utf8)
            )
            let tampered = "\(parts[0]).\(promoted).\(parts[2])"
            #expect(throws: AuthError.badSignature) { try verifying(tampered) }
        }

        @Test func algNoneIsRefused() {
            let header = Base64URL.encode(Data(#"{"alg":"none","typ":"JWT"}"#.utf8))
            let claims = Base64URL.encode(
                Data(#"{"county":"520330","exp":\#(expiry),"role":"admin","sub":"x"}"#.utf8)
            )
            #expect(throws: AuthError.unsupportedAlgorithm("none")) { try verifying("\(header).\(claims).") }
        }

        @Test func anotherAlgorithmIsRefusedEvenWhenSignedWithTheSecret() {
            let token = token(
                claims: #"{"county":"520330","exp":\#(expiry),"role":"admin","sub":"x"}"#,
                header: #"{"alg":"HS512","typ":"JWT"}"#
            )
            #expect(throws: AuthError.unsupportedAlgorithm("HS512")) { try verifying(token) }
        }

        @Test func aTokenForAnotherCountyIsRefused() {
            let token = codec.sign(
                Caller(subject: "x", role: .countyOfficer, county: "520102"),
                expiresAt: now.addingTimeInterval(3_600),
                issuedAt: now
            )
            #expect(throws: AuthError.wrongCounty("520102")) { try verifying(token) }
            #expect(APIError(AuthError.wrongCounty("520102")).status == .forbidden)
        }

        @Test func anUnknownRoleIsRefused() {
            let token = token(claims: #"{"county":"520330","exp":\#(expiry),"role":"mayor","sub":"x"}"#)
            #expect(throws: AuthError.unknownRole("mayor")) { try verifying(token) }
        }

        @Test func aTokenNotYetValidIsRefused() {
            let soon = Int(now.timeIntervalSince1970) + 120
            let notBefore = token(claims: #"{"county":"520330","exp":\#(expiry),"nbf":\#(soon),"role":"admin","sub":"x"}"#)
            #expect(throws: AuthError.notYetValid) { try verifying(notBefore) }
            let issuedLater = token(claims: #"{"county":"520330","exp":\#(expiry),"iat":\#(soon),"role":"admin","sub":"x"}"#)
            #expect(throws: AuthError.notYetValid) { try verifying(issuedLater) }
        }

        @Test func aTokenWithoutExpiryIsRefused() {
            let token = token(claims: #"{"county":"520330","role":"admin","sub":"x"}"#)
            #expect(throws: AuthError.malformed("it has no exp claim")) { try verifying(token) }
        }

        @Test(arguments: ["", "abc", "a.b", "a.b.c.d", "!!.??.**", "eyJhbGciOiJIUzI1NiJ9.e30.s=g"])
        func garbageIsMalformed(_ token: String) {
            #expect {
                try verifying(token)
            } throws: { error in
                if case .malformed = error as? AuthError { return true }
                return false
            }
        }

        @Test func everyRefusalIsAnUnauthorizedErrorExceptWrongCounty() {
            let refusals: [AuthError] = [
                .missing, .malformed("x"), .unsupportedAlgorithm("none"), .badSignature, .expired, .notYetValid,
                .unknownRole("mayor"),
            ]
            for refusal in refusals {
                let error = APIError(refusal)
                #expect(error.status == .unauthorized)
                #expect(error.code == refusal.code)
                #expect(!error.message.isEmpty)
            }
        }
    }
}
