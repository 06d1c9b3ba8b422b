import Foundation

extension Envelope {
    /// Writes the envelope as `encode(to:)` does under the codec's `JSONEncoder`: the header
    /// fields in their sorted places (`causationId` as `null` when absent, `occurredAt` as
    /// RFC 3339 UTC), with the payload, which `writePayload` writes, between `occurredAt` and
    /// `producer`.
    func writeWire(to writer: inout WireJSONWriter, payload writePayload: (inout WireJSONWriter) -> Void) {
        writer.openObject()
        writer.member("causationId", causationId)
        writer.member("correlationId", correlationId)
        writer.member("county", county)
        writer.member("id", id)
        writer.key("occurredAt")
        writer.quoted { RFC3339.append(occurredAt, to: &$0) }
        writer.key("payload")
        writePayload(&writer)
        writer.member("producer", producer)
        writer.member("type", type)
        writer.member("version", version)
        writer.closeObject()
    }
}

/// The codec's fastest path, for payloads that are `WireEncodable` and `WireDecodable` (every
/// event of the catalog): envelopes written straight into bytes and read straight from the
/// scanned body, without `Codable`. Each answers nil where it is not sure to match Foundation,
/// and `EventCodec` then takes the slower paths, whose errors are the contract's.
enum WireEnvelope {
    /// The body `JSONEncoder` would write, or nil.
    static func encode<E: Event>(_ envelope: Envelope<E>) -> Data? {
        guard let wire = E.self as? any WireEncodable.Type else { return nil }
        func write<W: WireEncodable>(_: W.Type) -> Data? {
            guard let payload = envelope.payload as? W else { return nil }
            var writer = WireJSONWriter()
            envelope.writeWire(to: &writer) { payload.writeWire(to: &$0) }
            return writer.declined ? nil : Data(writer.bytes)
        }
        return write(wire)
    }

    /// The header `EventCodec.header(from:)` reads, or nil.
    static func header(from data: Data) -> EnvelopeHeader? {
        data.withUnsafeBytes { raw in
            WireJSONDocument.read(raw) { root throws(WireUnsupported) in try readHeader(root).header }
        }
    }

    /// The envelope `JSONDecoder` would read through the codec's `EventReader`, not yet
    /// validated, or nil.
    static func decode<E: Event>(_ type: E.Type, from data: Data) -> Envelope<E>? {
        guard let wire = E.self as? any WireDecodable.Type else { return nil }
        func read<W: WireDecodable>(_: W.Type) -> Envelope<E>? {
            data.withUnsafeBytes { raw in
                WireJSONDocument.read(raw) { root throws(WireUnsupported) in
                    let (header, payload) = try readHeader(root)
                    guard header.type == E.routingKey, E.supportedVersions.contains(header.version),
                        header.producer == E.producer,
                        let event = try W(wire: payload) as? E
                    else { throw WireUnsupported() }
                    return Envelope(header: header, payload: event)
                }
            }
        }
        return read(wire)
    }

    /// The header fields and the payload, which must be an object (as `HeaderReader` demands).
    private static func readHeader(_ root: WireJSONValue) throws(WireUnsupported)
        -> (header: EnvelopeHeader, payload: WireJSONValue)
    {
        var object = try root.object()
        let header = try EnvelopeHeader(wire: &object)
        guard let payload = object.value(forKey: "payload"), payload.token.kind == .object else {
            throw WireUnsupported()
        }
        return (header, payload)
    }
}
