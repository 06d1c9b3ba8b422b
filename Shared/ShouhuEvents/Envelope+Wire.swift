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

/// An event that writes and reads itself, as every event of the catalog does: its envelopes
/// take the codec's fastest path, written straight into bytes and read straight from the
/// scanned body, without `Codable`. Each event answers `Event`'s `_wireBody(of:)` and
/// `_wireEnvelope(from:)` with `wireBody(of:)` and `wireEnvelope(from:)`, so that the codec
/// runs them as code made for the event's own type.
protocol WireEvent: Event, WireCodable {}

extension WireEvent {
    /// The body `JSONEncoder` would write, or nil where that is not certain.
    static func wireBody(of envelope: Envelope<Self>) -> Data? {
        var writer = WireJSONWriter()
        envelope.writeWire(to: &writer) { envelope.payload.writeWire(to: &$0) }
        return writer.declined ? nil : Data(writer.bytes)
    }

    /// The envelope `JSONDecoder` would read through the codec's `EventReader`, not yet
    /// validated, or nil on anything unusual and on every error.
    static func wireEnvelope(from data: Data) -> Envelope<Self>? {
        data.withUnsafeBytes { raw in
            WireJSONDocument.read(raw) { root throws(WireUnsupported) in
                let (header, payload) = try WireEnvelope.readHeader(root)
                guard header.type == routingKey, supportedVersions.contains(header.version), header.producer == producer
                else { throw WireUnsupported() }
                return Envelope(header: header, payload: try Self(wire: payload))
            }
        }
    }
}

/// The fast reading of the envelope fields, for every event: each answers nil where it is not
/// sure to match Foundation, and `EventCodec` then takes the slower paths, whose errors are the
/// contract's. (An event's own writer and reader are reached through `Event._wireBody(of:)`
/// and `_wireEnvelope(from:)`.)
enum WireEnvelope {
    /// The header `EventCodec.header(from:)` reads, or nil.
    static func header(from data: Data) -> EnvelopeHeader? {
        data.withUnsafeBytes { raw in
            WireJSONDocument.read(raw) { root throws(WireUnsupported) in try readHeader(root).header }
        }
    }

    /// The header fields and the payload, which must be an object (as `HeaderReader` demands).
    static func readHeader(_ root: WireJSONValue) throws(WireUnsupported)
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
