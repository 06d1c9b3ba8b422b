import Foundation

/// One message on the wire: an event's payload with the envelope fields every event carries
/// (docs/contract.md, "Events on the wire"). `type`, `version` and `producer` always come from
/// `Payload`, so an envelope cannot claim to be another event than the one it holds.
/// `EventCodec` turns envelopes into bytes and back.
public struct Envelope<Payload: Event>: Codable, Sendable, Equatable {
    /// The envelope's own id, a lowercase UUID: the AMQP `message_id` and the inbox key.
    public let id: String
    /// The payload's routing key.
    public let type: String
    /// The payload's major version.
    public let version: Int
    /// When the event happened, kept to the millisecond.
    public let occurredAt: Date
    /// The service that published it.
    public let producer: ServiceName
    /// The county of the deployment (GB/T 2260, 6 digits).
    public let county: String
    /// The id of the request or event that started the chain.
    public let correlationId: String
    /// The id of the envelope that caused this one, or nil.
    public let causationId: String?
    /// The event itself.
    public let payload: Payload

    /// Wraps a payload for publishing. `type`, `version` and `producer` come from `Payload`.
    /// - Parameters:
    ///   - id: the envelope id; a fresh time-ordered lowercase UUID (`EventID`) by default.
    ///   - occurredAt: when it happened; now by default. Rounded to the millisecond.
    ///   - county: the deployment's county code (`SHOUHU_COUNTY`).
    ///   - correlationId: the chain's id; this envelope's own id when nil (it starts a chain).
    ///   - causationId: the envelope that caused this one, if any.
    ///   - payload: the event.
    public init(
        id: String = EventID.next(), occurredAt: Date = Date(), county: String,
        correlationId: String? = nil, causationId: String? = nil, payload: Payload
    ) {
        self.id = id
        self.type = Payload.routingKey
        self.version = Payload.version
        self.occurredAt = RFC3339.wirePrecision(occurredAt)
        self.producer = Payload.producer
        self.county = county
        self.correlationId = correlationId ?? id
        self.causationId = causationId
        self.payload = payload
    }

    /// An envelope read from the wire: the header as it came, with its payload.
    init(header: EnvelopeHeader, payload: Payload) {
        self.id = header.id
        self.type = header.type
        self.version = header.version
        self.occurredAt = header.occurredAt
        self.producer = header.producer
        self.county = header.county
        self.correlationId = header.correlationId
        self.causationId = header.causationId
        self.payload = payload
    }

    /// A follow-on event caused by another one (for example `risk.escalated` caused by
    /// `assessment.recorded`): same county and correlation id, with `causationId` set to the
    /// cause's id.
    public static func caused(
        by cause: EnvelopeHeader, id: String = EventID.next(),
        occurredAt: Date = Date(), payload: Payload
    ) -> Envelope {
        Envelope(
            id: id, occurredAt: occurredAt, county: cause.county,
            correlationId: cause.correlationId, causationId: cause.id, payload: payload)
    }

    /// The envelope fields without the payload.
    public var header: EnvelopeHeader {
        EnvelopeHeader(
            id: id, type: type, version: version, occurredAt: occurredAt, producer: producer,
            county: county, correlationId: correlationId, causationId: causationId)
    }

    /// Checks the header's formats, that it names `Payload`, and the payload's rules.
    /// - Throws: `EventValidationError` with the field's path from the envelope's root
    ///   (`county`, `payload.guardian.phone`).
    public func validate() throws(EventValidationError) {
        try header.validate()
        try Check.that(type == Payload.routingKey, "type", "must be \(Payload.routingKey)")
        try Check.that(
            Payload.supportedVersions.contains(version), "version",
            "must be one of \(Payload.supportedVersions) for \(Payload.routingKey)")
        try Check.that(producer == Payload.producer, "producer", "must be \(Payload.producer.rawValue)")
        try Check.nested("payload") { () throws(EventValidationError) in try payload.validate() }
    }

    // MARK: - Codable

    private enum CodingKeys: String, CodingKey {
        case payload
    }

    /// Reads an envelope holding this payload type: the header's formats are checked and it must
    /// name `Payload` with a supported version and the right producer. Prefer
    /// `EventCodec.decode(_:from:)`, which also validates the payload and reports typed errors.
    public init(from decoder: any Decoder) throws {
        let header = try EnvelopeHeader(from: decoder)
        let container = try decoder.container(keyedBy: EnvelopeHeader.CodingKeys.self)
        guard header.type == Payload.routingKey else {
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container, debugDescription: "expected \(Payload.routingKey)")
        }
        guard Payload.supportedVersions.contains(header.version) else {
            throw DecodingError.dataCorruptedError(
                forKey: .version, in: container,
                debugDescription: "unsupported version \(header.version) of \(Payload.routingKey)")
        }
        guard header.producer == Payload.producer else {
            throw DecodingError.dataCorruptedError(
                forKey: .producer, in: container,
                debugDescription: "\(Payload.routingKey) is produced by \(Payload.producer.rawValue)")
        }
        self.init(header: header, payload: try Envelope.decodePayload(from: decoder))
    }

    /// Decodes the `payload` member of an envelope object.
    static func decodePayload(from decoder: any Decoder) throws -> Payload {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        return try container.decode(Payload.self, forKey: .payload)
    }

    /// Writes the envelope: the header fields (`causationId` as `null` when absent,
    /// `occurredAt` as RFC 3339 UTC), then the payload.
    public func encode(to encoder: any Encoder) throws {
        try header.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(payload, forKey: .payload)
    }
}
