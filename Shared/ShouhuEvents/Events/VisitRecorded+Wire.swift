import Foundation

/// The fast codec's `visit.recorded`: members in sorted order, as the synthesized
/// `encode(to:)` writes them.
extension VisitRecorded: WireEvent {
    // EventCodec's fast path runs this event's own writer and reader.
    public static func _wireBody(of envelope: Envelope<Self>) -> Data? { wireBody(of: envelope) }
    public static func _wireEnvelope(from data: Data) -> Envelope<Self>? { wireEnvelope(from: data) }

    func writeWire(to writer: inout WireJSONWriter) {
        writer.openObject()
        writer.member("childId", childId)
        writer.member("concerns", concerns)
        writer.member("escalated", escalated)
        writer.member("kind", kind)
        writer.member("mentorId", mentorId)
        writer.member("on", on)
        writer.member("visitId", visitId)
        writer.closeObject()
    }

    init(wire value: WireJSONValue) throws(WireUnsupported) {
        var object = try value.object()
        childId = try object.member("childId")
        concerns = try object.member("concerns")
        escalated = try object.member("escalated")
        kind = try object.member("kind")
        mentorId = try object.member("mentorId")
        on = try object.member("on")
        visitId = try object.member("visitId")
    }
}
