import Foundation

/// The fast codec's `mentor.assigned`: members in sorted order, as the synthesized
/// `encode(to:)` writes them.
extension MentorAssigned: WireEvent {
    // EventCodec's fast path runs this event's own writer and reader.
    public static func _wireBody(of envelope: Envelope<Self>) -> Data? { wireBody(of: envelope) }
    public static func _wireEnvelope(from data: Data) -> Envelope<Self>? { wireEnvelope(from: data) }

    func writeWire(to writer: inout WireJSONWriter) {
        writer.openObject()
        writer.member("childId", childId)
        writer.member("mentorId", mentorId)
        writer.member("pairing", pairing)
        writer.member("role", role)
        writer.closeObject()
    }

    init(wire value: WireJSONValue) throws(WireUnsupported) {
        var object = try value.object()
        childId = try object.member("childId")
        mentorId = try object.member("mentorId")
        pairing = try object.member("pairing")
        role = try object.member("role")
    }
}
