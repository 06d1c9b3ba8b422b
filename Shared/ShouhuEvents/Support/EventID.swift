import Foundation

/// Makes envelope ids: UUID version 7 (RFC 9562), lowercase. The first 48 bits are the Unix time
/// in milliseconds, the rest random, so ids sort roughly by creation time.
///
/// Why not random (version 4) ids: every outbox and inbox keys its rows by envelope id, and a
/// random key puts each insert on a random B-tree page, so each commit rewrites many pages. With
/// time-ordered ids the inserts append at the end of the index; the pipeline benchmark measures
/// the difference. They are still ordinary UUIDs to everyone else.
public enum EventID {
    /// A fresh id for an event created at `instant` (now by default).
    public static func next(at instant: Date = Date()) -> String {
        var generator = SystemRandomNumberGenerator()
        let millis = UInt64(max(0, instant.timeIntervalSince1970 * 1000))
        let randomA = UInt16.random(in: 0...0x0FFF, using: &generator)
        let randomB = generator.next() & 0x3FFF_FFFF_FFFF_FFFF
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<6 { bytes[i] = UInt8(truncatingIfNeeded: millis >> (40 - 8 * UInt64(i))) }
        bytes[6] = 0x70 | UInt8(randomA >> 8)
        bytes[7] = UInt8(truncatingIfNeeded: randomA)
        let tail = randomB | 0x8000_0000_0000_0000
        for i in 0..<8 { bytes[8 + i] = UInt8(truncatingIfNeeded: tail >> (56 - 8 * UInt64(i))) }
        let hex = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(36)
        for (i, byte) in bytes.enumerated() {
            if i == 4 || i == 6 || i == 8 || i == 10 { out.append(UInt8(ascii: "-")) }
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
