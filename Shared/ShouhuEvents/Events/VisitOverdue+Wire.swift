import Foundation

/// The fast codec's `visit.overdue`: members in sorted order, as the synthesized
/// `encode(to:)` writes them.
extension VisitOverdue: WireEvent {
    // EventCodec's fast path runs this event's own writer and reader.
    public static func _wireBody(of envelope: Envelope<Self>) -> Data? { wireBody(of: envelope) }
    public static func _wireEnvelope(from data: Data) -> Envelope<Self>? { wireEnvelope(from: data) }

    func writeWire(to writer: inout WireJSONWriter) {
        writer.openObject()
        writer.member("childId", childId)
        writer.member("daysOverdue", daysOverdue)
        writer.member("dueOn", dueOn)
        writer.member("mentorIds", mentorIds)
        writer.member("obligation", obligation)
        writer.member("tier", tier)
        writer.closeObject()
    }

    init(wire value: WireJSONValue) throws(WireUnsupported) {
        var object = try value.object()
        childId = try object.member("childId")
        daysOverdue = try object.member("daysOverdue")
        dueOn = try object.member("dueOn")
        mentorIds = try object.member("mentorIds")
        obligation = try object.member("obligation")
        tier = try object.member("tier")
    }
}
