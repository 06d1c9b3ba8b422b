import Foundation

/// Everything in an envelope except its payload (docs/contract.md, "Events on the wire"): what a
/// consumer reads to route, deduplicate and trace a message before it knows the payload's type.
/// `EventCodec.header(from:)` reads one from a message body.
public struct EnvelopeHeader: Codable, Sendable, Hashable {
    /// The envelope's own id, a lowercase UUID; also the AMQP `message_id` and the inbox key
    /// that makes consumers idempotent.
    public let id: String
    /// The event's routing key (`child.registered`).
    public let type: String
    /// The payload's major version.
    public let version: Int
    /// When the event happened, kept to the millisecond; RFC 3339 UTC on the wire.
    public let occurredAt: Date
    /// The service that published it.
    public let producer: ServiceName
    /// The county the deployment serves (GB/T 2260, 6 digits, e.g. `520330`).
    public let county: String
    /// The id of the request or event that started the chain; the envelope's own id when it
    /// started one.
    public let correlationId: String
    /// The id of the envelope that caused this one, or nil (JSON `null`) when none did.
    public let causationId: String?

    /// Makes a header. `occurredAt` is rounded to the millisecond, the wire's precision, so
    /// that a header survives encoding unchanged.
    public init(
        id: String, type: String, version: Int, occurredAt: Date, producer: ServiceName,
        county: String, correlationId: String, causationId: String?
    ) {
        self.id = id
        self.type = type
        self.version = version
        self.occurredAt = RFC3339.wirePrecision(occurredAt)
        self.producer = producer
        self.county = county
        self.correlationId = correlationId
        self.causationId = causationId
    }

    /// Checks the header's formats: lowercase UUIDs for the ids, a routing key in `type`, a
    /// version of 1 or more, a 6-digit county, and an instant that RFC 3339 can write.
    /// - Throws: `EventValidationError` naming the field (`county`, `causationId`, ...).
    public func validate() throws(EventValidationError) {
        try Check.uuid(id, "id")
        try Check.that(EnvelopeHeader.isRoutingKey(type), "type", "must be a routing key such as child.registered")
        try Check.that(version >= 1, "version", "must be 1 or more")
        try Check.that(RFC3339.canWrite(occurredAt), "occurredAt", "must lie in the years 0001 to 9999")
        try Check.that(FieldFormat.isCountyCode(county), "county", "must be a 6-digit GB/T 2260 county code")
        try Check.uuid(correlationId, "correlationId")
        if let causationId { try Check.uuid(causationId, "causationId") }
    }

    /// Lowercase words of letters, digits and underscores joined by dots (`visit.overdue`).
    /// (One pass over the bytes: it runs for every event encoded and decoded.)
    static func isRoutingKey(_ text: String) -> Bool {
        var dots = 0
        var wordLength = 0
        var count = 0
        for byte in text.utf8 {
            count += 1
            if byte == UInt8(ascii: ".") {
                guard wordLength > 0 else { return false }
                dots += 1
                wordLength = 0
            } else if (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
            {
                wordLength += 1
            } else {
                return false
            }
        }
        return count <= 255 && dots >= 1 && wordLength > 0
    }

    // MARK: - Codable

    enum CodingKeys: String, CodingKey {
        case id, type, version, occurredAt, producer, county, correlationId, causationId
    }

    /// Reads the header fields of an envelope object and checks their formats, throwing a
    /// `DecodingError` at the offending key. A missing `causationId` reads as nil.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func invalid(_ key: CodingKeys, _ reason: String) -> DecodingError {
            DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: reason)
        }
        id = try container.decode(String.self, forKey: .id)
        guard FieldFormat.isLowercaseUUID(id) else { throw invalid(.id, "must be a lowercase UUID") }
        type = try container.decode(String.self, forKey: .type)
        guard EnvelopeHeader.isRoutingKey(type) else {
            throw invalid(.type, "must be a routing key such as child.registered")
        }
        version = try container.decodeInteger(Int.self, forKey: .version)
        guard version >= 1 else { throw invalid(.version, "must be 1 or more") }
        let instant = try container.decode(String.self, forKey: .occurredAt)
        guard let occurredAt = RFC3339.date(from: instant) else {
            throw invalid(.occurredAt, "must be an RFC 3339 date-time with Z or an offset")
        }
        self.occurredAt = occurredAt
        producer = try container.decode(ServiceName.self, forKey: .producer)
        county = try container.decode(String.self, forKey: .county)
        guard FieldFormat.isCountyCode(county) else {
            throw invalid(.county, "must be a 6-digit GB/T 2260 county code")
        }
        correlationId = try container.decode(String.self, forKey: .correlationId)
        guard FieldFormat.isLowercaseUUID(correlationId) else {
            throw invalid(.correlationId, "must be a lowercase UUID")
        }
        causationId = try container.decodeIfPresent(String.self, forKey: .causationId)
        if let causationId, !FieldFormat.isLowercaseUUID(causationId) {
            throw invalid(.causationId, "must be a lowercase UUID or null")
        }
    }

    /// Writes the header fields; `occurredAt` as RFC 3339 UTC and `causationId` as `null` when
    /// there is none, whatever the encoder's own strategies.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        guard let instant = RFC3339.string(from: occurredAt) else {
            throw EncodingError.invalidValue(
                occurredAt,
                EncodingError.Context(
                    codingPath: container.codingPath + [CodingKeys.occurredAt],
                    debugDescription: "an instant outside the years 0001 to 9999"))
        }
        try container.encode(id, forKey: .id)
        try container.encode(type, forKey: .type)
        try container.encode(version, forKey: .version)
        try container.encode(instant, forKey: .occurredAt)
        try container.encode(producer, forKey: .producer)
        try container.encode(county, forKey: .county)
        try container.encode(correlationId, forKey: .correlationId)
        try container.encode(causationId, forKey: .causationId)
    }
}
