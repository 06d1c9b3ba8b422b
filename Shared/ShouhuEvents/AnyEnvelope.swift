/// An envelope whose payload type is known only at run time: what `EventCodec.decodeAny(from:)`
/// returns, for tools that handle every event through one door.
public struct AnyEnvelope: Sendable {
    /// The envelope fields.
    public let header: EnvelopeHeader
    /// The decoded, validated payload.
    public let payload: any Event

    /// Pairs a header with its payload.
    public init(header: EnvelopeHeader, payload: any Event) {
        self.header = header
        self.payload = payload
    }

    /// The typed envelope when the payload is an `E`, else nil.
    public func typed<E: Event>(as type: E.Type) -> Envelope<E>? {
        guard let payload = payload as? E else { return nil }
        return Envelope(header: header, payload: payload)
    }
}
