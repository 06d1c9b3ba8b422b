import Crypto
import Foundation
import Testing
import Intake
import IntakeDomain
import ShouhuEvents

@Suite("Resident ID numbers sealed at rest")
struct ResidentIDVaultTests {
    static let key = Data((0..<32).map { UInt8($0 * 7 % 256) }).base64EncodedString()
    static let otherKey = Data((0..<32).map { UInt8(255 - $0) }).base64EncodedString()
    static let today = CalendarDate("2026-11-24")!
    static let sample = try! ResidentIDNumber("11010519491231002X", today: today)

    @Test func sealedNumbersOpenAgainAndNeverShowTheDigits() throws {
        let vault = try ResidentIDVault(base64Key: Self.key)
        let sealed = try vault.seal(Self.sample)
        #expect(sealed.hasPrefix("v1:"))
        #expect(!sealed.contains("11010519491231002X"))
        #expect(!sealed.contains("19491231"))
        #expect(try vault.open(sealed, today: Self.today).unmasked == "11010519491231002X")
    }

    @Test func twoSealsDifferButTheLookupHashIsTheSame() throws {
        let vault = try ResidentIDVault(base64Key: Self.key)
        #expect(try vault.seal(Self.sample) != vault.seal(Self.sample), "a fresh nonce each time")
        #expect(vault.lookupHash(Self.sample) == vault.lookupHash(Self.sample))
        #expect(vault.lookupHash(Self.sample).count == 64)
        let other = try ResidentIDNumber("110105194912310011", today: Self.today)
        #expect(vault.lookupHash(other) != vault.lookupHash(Self.sample))
    }

    /// Hashes already stored must still be found: the hash is HMAC-SHA256 under the HKDF subkey
    /// for lookups, however the vault computes it.
    @Test func theLookupHashIsTheKeyedHMACOfTheNumber() throws {
        let master = SymmetricKey(data: Data(base64Encoded: Self.key)!)
        let subkey = HKDF<SHA256>.deriveKey(inputKeyMaterial: master, salt: Data("shouhu-intake".utf8),
                                            info: Data("resident-id lookup v1".utf8), outputByteCount: 32)
        let code = HMAC<SHA256>.authenticationCode(for: Data("11010519491231002X".utf8), using: subkey)
        let hex = code.map { String(format: "%02x", $0) }.joined()
        let vault = try ResidentIDVault(base64Key: Self.key)
        #expect(vault.lookupHash(Self.sample) == hex)
        #expect(vault.lookupHash(Self.sample) == vault.lookupHash(Self.sample))
    }

    @Test func theLookupHashDependsOnTheKey() throws {
        let a = try ResidentIDVault(base64Key: Self.key)
        let b = try ResidentIDVault(base64Key: Self.otherKey)
        #expect(a.lookupHash(Self.sample) != b.lookupHash(Self.sample))
    }

    @Test func anotherKeyOrAnAlteredValueCannotOpen() throws {
        let vault = try ResidentIDVault(base64Key: Self.key)
        let sealed = try vault.seal(Self.sample)
        #expect(throws: ResidentIDVaultError.cannotOpen) {
            try ResidentIDVault(base64Key: Self.otherKey).open(sealed, today: Self.today)
        }
        var bytes = Array(sealed.utf8)
        bytes[bytes.count - 6] = bytes[bytes.count - 6] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        #expect(throws: ResidentIDVaultError.cannotOpen) { try vault.open(String(decoding: bytes, as: UTF8.self), today: Self.today) }
        #expect(throws: ResidentIDVaultError.cannotOpen) { try vault.open("11010519491231002X", today: Self.today) }
        #expect(throws: ResidentIDVaultError.cannotOpen) { try vault.open("v1:not base64!", today: Self.today) }
    }

    @Test(arguments: ["", "not base64 at all", Data(repeating: 1, count: 16).base64EncodedString()])
    func aWeakOrMalformedKeyIsRefusedWithTheReason(key: String) {
        #expect {
            _ = try ResidentIDVault(base64Key: key)
        } throws: { error in
            guard case ResidentIDVaultError.badKey(let why) = error else { return false }
            return why.contains("SHOUHU_ID_KEY")
        }
    }
}
