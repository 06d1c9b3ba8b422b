import Foundation

/// The one place event bytes are made and read: every publisher encodes with it and every
/// consumer decodes with it, so the wire format (docs/contract.md) lives here and nowhere else.
///
/// Encoding writes sorted keys, unescaped slashes, `occurredAt` as RFC 3339 UTC and
/// `causationId` as `null` when absent, after validating the envelope. Decoding checks, in
/// order: a JSON object; the envelope's fields present and well formed; a known `type` that is
/// the one asked for; a supported `version`; the producer the contract names; the payload's
/// fields; and the payload's rules. It never traps, whatever the bytes. (Foundation's parser
/// tolerates a trailing comma in an object or array; such a body reads as if it had none.)
///
/// Foundation's `JSONEncoder` and `JSONDecoder` are the reference for every byte written and
/// every value and error read; two faster layers stand in front of them and answer only where
/// they give exactly the same: each event's own writer and reader (`WireEvent`, in
/// `Events/<Event>+Wire.swift`), then a Codable writer and reader (`WireJSONEncoder`,
/// `WireJSONDecoder`). Errors always come from Foundation. `WireSamenessTests` hold them to it.
public struct EventCodec: Sendable {
    /// Makes a codec. It holds no state; make one wherever it is needed.
    public init() {}

    // MARK: - Encoding

    /// The UTF-8 JSON body of an envelope, ready to publish.
    /// - Throws: `EventValidationError` (with the field's path from the envelope's root, such as
    ///   `payload.guardian.phone`) when the envelope breaks a rule, so that nothing a consumer
    ///   would reject is ever published; `EncodingError` should Foundation fail.
    public func encode<E: Event>(_ envelope: Envelope<E>) throws -> Data {
        try envelope.validate()
        // The fast writers give Foundation's bytes for everything events are made of, and
        // answer nil (or throw) where they cannot be sure; Foundation then has the last word.
        // First the events' own writers (`WireEncodable`), then the Codable one.
        if let fast = E._wireBody(of: envelope) { return fast }
        if let fast = try? WireJSONEncoder().encode(envelope: envelope) { return fast }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(envelope)
    }

    // MARK: - Decoding

    /// Reads and checks the envelope fields of a body without decoding its payload, for routing
    /// (which handler gets it), deduplication (the id) and logging. The `type` need not be
    /// known here; the payload must be present and a JSON object.
    /// - Throws: `EventDecodingError.notJSON`, `.missingField` or `.invalidValue`.
    public func header(from data: Data) throws(EventDecodingError) -> EnvelopeHeader {
        // The fast reader first; on anything unusual, and on every error, the Codable readers,
        // whose errors are Foundation's.
        if let fast = WireEnvelope.header(from: data) { return fast }
        return try codableHeader(from: data)
    }

    /// Reads a body as an envelope of one event type and validates it.
    /// - Parameters:
    ///   - type: the event expected (a handler knows which it handles).
    ///   - data: the message body.
    /// - Throws: `EventDecodingError`: `.notJSON`; `.missingField` or `.invalidValue` with the
    ///   JSON path from the root; `.unknownType` when `type` is no event in `EventCatalog`;
    ///   `.typeMismatch` when it is another known event; `.unsupportedVersion`; and
    ///   `.invalidPayload` when the payload breaks a rule of its event.
    public func decode<E: Event>(_ type: E.Type, from data: Data) throws(EventDecodingError)
        -> Envelope<E>
    {
        // The events' own readers (`WireDecodable`) first; on anything unusual, and on every
        // error, the Codable readers, whose errors are Foundation's.
        guard let fast = E._wireEnvelope(from: data) else {
            return try codableDecode(E.self, from: data)
        }
        return try Self.validated(fast)
    }

    /// `header(from:)` through the Codable readers alone, as the codec read before the events'
    /// own readers: where its errors come from, and what the fast reader must agree with.
    func codableHeader(from data: Data) throws(EventDecodingError) -> EnvelopeHeader {
        try read(HeaderReader.self, from: data).header
    }

    /// `decode(_:from:)` through the Codable readers alone (see `codableHeader`).
    func codableDecode<E: Event>(_ type: E.Type, from data: Data) throws(EventDecodingError) -> Envelope<E> {
        try Self.validated(read(EventReader<E>.self, from: data).envelope)
    }

    /// The envelope once its payload has passed `validate()`.
    private static func validated<E: Event>(_ envelope: Envelope<E>) throws(EventDecodingError) -> Envelope<E> {
        do throws(EventValidationError) {
            try envelope.payload.validate()
        } catch {
            throw .invalidPayload(error)
        }
        return envelope
    }

    /// Reads a body as whatever event its `type` names, for code that handles several events
    /// through one door (a dead-letter inspector, a replay tool, tests).
    /// - Throws: as `decode(_:from:)`; `.unknownType` for a type outside `EventCatalog`.
    public func decodeAny(from data: Data) throws(EventDecodingError) -> AnyEnvelope {
        let header = try header(from: data)
        guard let eventType = EventCatalog.type(forRoutingKey: header.type) else {
            throw .unknownType(header.type)
        }
        func open<E: Event>(_ type: E.Type) throws(EventDecodingError) -> AnyEnvelope {
            let envelope = try decode(E.self, from: data)
            return AnyEnvelope(header: envelope.header, payload: envelope.payload)
        }
        return try open(eventType)
    }

    // MARK: - Internals

    /// Decodes a reader with the fast reader, or when that declines (on anything unusual and on
    /// every error) with `JSONDecoder`, and turns whatever the latter throws into an
    /// `EventDecodingError`.
    private func read<R: Decodable>(_ reader: R.Type, from data: Data) throws(EventDecodingError)
        -> R
    {
        if let fast = try? WireJSONDecoder().decode(R.self, from: data) { return fast }
        do {
            return try JSONDecoder().decode(R.self, from: data)
        } catch let error as EventDecodingError {
            throw error
        } catch let error as DecodingError {
            throw EventCodec.translate(error, data: data)
        } catch {
            throw .invalidValue(field: "$", reason: String(describing: error))
        }
    }

    /// Maps Foundation's decoding errors to the contract's vocabulary, with JSON paths.
    static func translate(_ error: DecodingError, data: Data) -> EventDecodingError {
        switch error {
        case .keyNotFound(let key, let context):
            return .missingField(DecodingError.jsonPath(context.codingPath + [key]))
        case .valueNotFound(_, let context):
            if context.codingPath.isEmpty { return .notJSON }
            return .missingField(DecodingError.jsonPath(context.codingPath))
        case .typeMismatch(_, let context):
            if context.codingPath.isEmpty { return .notJSON }
            return .invalidValue(
                field: DecodingError.jsonPath(context.codingPath), reason: context.debugDescription)
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                // Foundation says "not valid JSON" both for bad syntax and for a number that does
                // not fit its Swift type, without a path; tell the two apart.
                guard isJSONObject(data) else { return .notJSON }
                return .invalidValue(field: "$", reason: "a value does not fit its field")
            }
            return .invalidValue(
                field: DecodingError.jsonPath(context.codingPath), reason: context.debugDescription)
        @unknown default:
            return .invalidValue(field: "$", reason: String(describing: error))
        }
    }

    private static func isJSONObject(_ data: Data) -> Bool {
        (try? JSONSerialization.jsonObject(with: data)) is [String: Any]
    }
}

// MARK: - Readers

/// The header of an envelope, and proof that its payload is an object.
private struct HeaderReader: Decodable {
    let header: EnvelopeHeader

    init(from decoder: any Decoder) throws {
        header = try EnvelopeHeader(from: decoder)
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        let key = AnyCodingKey(stringValue: "payload")
        guard container.contains(key) else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: container.codingPath, debugDescription: "no payload"))
        }
        if try container.decodeNil(forKey: key) {
            throw DecodingError.valueNotFound(
                [String: String].self,
                .init(codingPath: container.codingPath + [key], debugDescription: "payload is null"))
        }
        guard (try? container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: key)) != nil else {
            throw DecodingError.typeMismatch(
                [String: String].self,
                .init(
                    codingPath: container.codingPath + [key],
                    debugDescription: "expected the payload to be a JSON object"))
        }
    }
}

/// A whole envelope of one event type, with the contract's typed errors for the type, version
/// and producer checks.
private struct EventReader<E: Event>: Decodable {
    let envelope: Envelope<E>

    init(from decoder: any Decoder) throws {
        let header = try HeaderReader(from: decoder).header
        guard header.type == E.routingKey else {
            if EventCatalog.type(forRoutingKey: header.type) != nil {
                throw EventDecodingError.typeMismatch(expected: E.routingKey, found: header.type)
            }
            throw EventDecodingError.unknownType(header.type)
        }
        guard E.supportedVersions.contains(header.version) else {
            throw EventDecodingError.unsupportedVersion(type: header.type, version: header.version)
        }
        guard header.producer == E.producer else {
            throw EventDecodingError.invalidValue(
                field: "producer", reason: "\(E.routingKey) is produced by \(E.producer.rawValue)")
        }
        envelope = Envelope(header: header, payload: try Envelope<E>.decodePayload(from: decoder))
    }
}
