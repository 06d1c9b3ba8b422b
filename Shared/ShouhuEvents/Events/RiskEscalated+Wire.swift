import Foundation

/// The fast codec's `risk.escalated`: members in sorted order, as `encode(to:)` writes them.
extension RiskEscalated: WireEvent {
    // EventCodec's fast path runs this event's own writer and reader.
    public static func _wireBody(of envelope: Envelope<Self>) -> Data? { wireBody(of: envelope) }
    public static func _wireEnvelope(from data: Data) -> Envelope<Self>? { wireEnvelope(from: data) }

    func writeWire(to writer: inout WireJSONWriter) {
        writer.openObject()
        writer.member("assessmentId", assessmentId)
        writer.member("childId", childId)
        writer.member("fromCareLevel", fromCareLevel)
        writer.member("fromHarmLevel", fromHarmLevel)
        writer.member("reasons", reasons)
        writer.member("toCareLevel", toCareLevel)
        writer.member("toHarmLevel", toHarmLevel)
        writer.closeObject()
    }

    init(wire value: WireJSONValue) throws(WireUnsupported) {
        var object = try value.object()
        assessmentId = try object.member("assessmentId")
        childId = try object.member("childId")
        fromCareLevel = try object.member("fromCareLevel")
        fromHarmLevel = try object.member("fromHarmLevel")
        reasons = try object.member("reasons")
        toCareLevel = try object.member("toCareLevel")
        toHarmLevel = try object.member("toHarmLevel")
    }
}
