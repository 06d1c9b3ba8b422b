import Foundation

/// Where one intake event stands in time, for merging events that arrive out of order: the
/// envelope's `occurredAt` to the millisecond, then its id (time-ordered UUIDv7) to break ties.
/// Two stamps compare as the events happened, whatever order the broker delivered them in.
public struct EventStamp: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// `0001732430000123|0190…`: fixed-width milliseconds, a bar, the envelope id.
    public let value: String

    /// The stamp of an envelope.
    public init(occurredAt: Date, id: String) {
        let millis = Int64((occurredAt.timeIntervalSince1970 * 1000).rounded())
        let digits = String(max(0, millis))
        value = String(repeating: "0", count: max(0, 16 - digits.count)) + digits + "|" + id
    }

    public static func < (lhs: EventStamp, rhs: EventStamp) -> Bool { lhs.value < rhs.value }

    public var description: String { value }

    public init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
