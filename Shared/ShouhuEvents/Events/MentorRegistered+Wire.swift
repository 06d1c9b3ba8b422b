import Foundation

/// The fast codec's `mentor.registered`: members in sorted order, as `encode(to:)` writes them.
extension MentorRegistered: WireEvent {
    // EventCodec's fast path runs this event's own writer and reader.
    public static func _wireBody(of envelope: Envelope<Self>) -> Data? { wireBody(of: envelope) }
    public static func _wireEnvelope(from data: Data) -> Envelope<Self>? { wireEnvelope(from: data) }

    func writeWire(to writer: inout WireJSONWriter) {
        writer.openObject()
        writer.member("divisionCode", divisionCode)
        writer.member("email", email)
        writer.member("mentorId", mentorId)
        writer.member("name", name)
        writer.member("phone", phone)
        writer.member("role", role)
        writer.member("schoolId", schoolId)
        writer.closeObject()
    }

    init(wire value: WireJSONValue) throws(WireUnsupported) {
        var object = try value.object()
        divisionCode = try object.member("divisionCode")
        email = try object.member("email")
        mentorId = try object.member("mentorId")
        name = try object.member("name")
        phone = try object.member("phone")
        role = try object.member("role")
        schoolId = try object.member("schoolId")
    }
}
