import ArgumentParser
import Foundation
import Testing

@testable import ShouhuService

extension ShouhuServiceTests {
    @Suite struct MintTokenCommandTests {
        let environment = ShouhuServiceTests.minimalEnvironment

        @Test func theMintedTokenVerifies() throws {
            let command = try MintTokenCommand.parse(
                ["--role", "county_officer", "--subject", "ops", "--scope", "520330101", "--ttl-hours", "2"]
            )
            let now = Date()
            let token = try command.token(environment: environment, now: now)
            #expect(!token.contains { $0.isWhitespace })
            let caller = try ShouhuServiceTests.codec.verify(token, now: now.addingTimeInterval(3_600), county: "520330")
            #expect(caller == Caller(subject: "ops", role: .countyOfficer, county: "520330", scope: "520330101"))
            #expect(throws: AuthError.expired) {
                try ShouhuServiceTests.codec.verify(token, now: now.addingTimeInterval(3 * 3_600), county: "520330")
            }
        }

        @Test func theCountyComesFromTheFlagOrTheEnvironment() throws {
            var environment = environment
            environment["SHOUHU_COUNTY"] = "520102"
            let fromEnvironment = try MintTokenCommand.parse(["--role", "auditor", "--subject", "a"])
                .token(environment: environment, now: Date())
            #expect(try ShouhuServiceTests.codec.verify(fromEnvironment, county: "520102").role == .auditor)
            let fromFlag = try MintTokenCommand.parse(["--role", "auditor", "--subject", "a", "--county", "520330"])
                .token(environment: environment, now: Date())
            #expect(try ShouhuServiceTests.codec.verify(fromFlag, county: "520330").county == "520330")
        }

        @Test func anUnknownRoleIsRefusedWithTheValidOnes() {
            do {
                _ = try MintTokenCommand.parse(["--role", "mayor", "--subject", "x"])
                Issue.record("the role `mayor` was accepted")
            } catch {
                let message = MintTokenCommand.message(for: error)
                #expect(message.contains("mayor"))
                #expect(message.contains("county_officer"))
            }
        }

        @Test func aMissingSecretIsRefused() throws {
            let command = try MintTokenCommand.parse(["--role", "admin", "--subject", "x"])
            #expect {
                try command.token(environment: [:], now: Date())
            } throws: { error in
                (error as? SettingsError)?.variable == "SHOUHU_JWT_SECRET"
            }
        }

        @Test func aBadCountyOrLifetimeIsRefused() throws {
            let command = try MintTokenCommand.parse(["--role", "admin", "--subject", "x", "--county", "5203"])
            #expect(throws: SettingsError.self) { try command.token(environment: environment, now: Date()) }
            #expect(throws: (any Error).self) {
                try MintTokenCommand.parse(["--role", "admin", "--subject", "x", "--ttl-hours", "0"])
            }
        }
    }
}
