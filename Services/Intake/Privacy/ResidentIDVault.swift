import Crypto
import Foundation
import IntakeDomain
import ShouhuEvents

/// Seals resident ID numbers at rest and finds them again for duplicate detection, without ever
/// storing one in clear (the resident ID number is sensitive personal information, 敏感个人信息).
///
/// `SHOUHU_ID_KEY` (at least 32 random bytes, base64) is never used directly: HKDF-SHA256 derives
/// one subkey for sealing (AES-256-GCM, a fresh random nonce each time, so two seals of one
/// number differ) and another for the lookup hash (HMAC-SHA256, deterministic, so a second
/// registration of the same number finds the first through an indexed column). Knowing a lookup
/// hash does not reveal the sealing key, and the other way round.
public struct ResidentIDVault: Sendable {
    // Kept as bytes: swift-crypto's SymmetricKey is not Sendable; a key is made on each use.
    private let sealingKeyBytes: Data
    private var sealingKey: SymmetricKey { SymmetricKey(data: sealingKeyBytes) }
    /// The HMAC keyed for lookups, made once: every hash starts from a copy of it, so the key
    /// schedule (a third of a hash) is not done again for each row of an import.
    private let lookupMAC: KeyedMAC
    /// Written in front of every sealed value, so a later key rotation can tell old from new.
    static let version = "v1"

    /// Makes a vault from `SHOUHU_ID_KEY`.
    /// - Throws: `ResidentIDVaultError.badKey` when the key is not base64 or is under 32 bytes.
    public init(base64Key: String) throws(ResidentIDVaultError) {
        guard let raw = Data(base64Encoded: base64Key.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw .badKey("SHOUHU_ID_KEY is not base64; make one with: head -c 32 /dev/urandom | base64")
        }
        guard raw.count >= 32 else {
            throw .badKey("SHOUHU_ID_KEY holds \(raw.count) bytes; it needs at least 32 random bytes")
        }
        let master = SymmetricKey(data: raw)
        func derive(_ purpose: String) -> Data {
            HKDF<SHA256>.deriveKey(inputKeyMaterial: master, salt: Data("shouhu-intake".utf8),
                                   info: Data(purpose.utf8), outputByteCount: 32)
                .withUnsafeBytes { Data($0) }
        }
        sealingKeyBytes = derive("resident-id sealing v1")
        lookupMAC = KeyedMAC(HMAC<SHA256>(key: SymmetricKey(data: derive("resident-id lookup v1"))))
    }

    /// The number sealed for storage: `v1:` and base64 of nonce, ciphertext and tag.
    public func seal(_ id: ResidentIDNumber) throws(ResidentIDVaultError) -> String {
        do {
            let box = try AES.GCM.seal(Data(id.unmasked.utf8), using: sealingKey)
            guard let combined = box.combined else { throw ResidentIDVaultError.cannotSeal }
            return "\(Self.version):\(combined.base64EncodedString())"
        } catch {
            throw .cannotSeal
        }
    }

    /// Opens a sealed number (for a caller whose role may see it whole; the caller audits the
    /// read).
    /// - Throws: `ResidentIDVaultError.cannotOpen` for a value sealed under another key, altered,
    ///   or not sealed at all.
    public func open(_ sealed: String, today: CalendarDate = CalendarDate(Date())) throws(ResidentIDVaultError) -> ResidentIDNumber {
        let prefix = "\(Self.version):"
        guard sealed.hasPrefix(prefix), let combined = Data(base64Encoded: String(sealed.dropFirst(prefix.count))) else {
            throw .cannotOpen
        }
        do {
            let plaintext = try AES.GCM.open(AES.GCM.SealedBox(combined: combined), using: sealingKey)
            return try ResidentIDNumber(String(decoding: plaintext, as: UTF8.self), today: today)
        } catch {
            throw .cannotOpen
        }
    }

    /// The keyed hash a number is found by (hex): equal numbers give equal hashes, and nothing
    /// about the number can be read from it without the key.
    public func lookupHash(_ id: ResidentIDNumber) -> String {
        var mac = lookupMAC.keyed
        mac.update(data: Array(id.unmasked.utf8))
        return Self.hex(mac.finalize())
    }
}

/// An HMAC whose key is already set, shared by the vault's copies.
private struct KeyedMAC: @unchecked Sendable {
    // @unchecked: HMAC holds a SymmetricKey, which swift-crypto does not mark Sendable. This one
    // is never changed in place: each use takes a copy (a value) and updates only that.
    let keyed: HMAC<SHA256>

    init(_ keyed: HMAC<SHA256>) {
        self.keyed = keyed
    }
}

extension ResidentIDVault {
    /// Lowercase hex of some bytes, without `String(format:)` (slow on Linux, and this runs for
    /// every row of an import).
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Why the vault could not do what was asked. No case carries a number.
public enum ResidentIDVaultError: Error, Equatable, Sendable, CustomStringConvertible {
    case badKey(String)
    case cannotSeal
    case cannotOpen

    public var description: String {
        switch self {
        case .badKey(let why): return why
        case .cannotSeal: return "the resident ID number could not be sealed"
        case .cannotOpen: return "a sealed resident ID number could not be opened (another key, or altered)"
        }
    }
}
