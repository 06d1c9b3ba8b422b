import Crypto
import Foundation

/// The SHA-256 of a results file as lowercase hex: how the audit trail and a second application
/// of the same bytes recognise it.
enum FileDigest {
    static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
