import Foundation

/// The fast codec's `reassessment.due`: members in sorted order, as `encode(to:)` writes them.
extension ReassessmentDue: WireEvent {
    // EventCodec's fast path runs this event's own writer and reader.
    public static func _wireBody(of envelope: Envelope<Self>) -> Data? { wireBody(of: envelope) }
    public static func _wireEnvelope(from data: Data) -> Envelope<Self>? { wireEnvelope(from: data) }

    func writeWire(to writer: inout WireJSONWriter) {
        writer.openObject()
        writer.member("childId", childId)
        writer.member("dueOn", dueOn)
        writer.member("incidentVisitId", incidentVisitId)
        writer.member("why", why)
        writer.closeObject()
    }

    init(wire value: WireJSONValue) throws(WireUnsupported) {
        var object = try value.object()
        childId = try object.member("childId")
        dueOn = try object.member("dueOn")
        incidentVisitId = try object.member("incidentVisitId")
        why = try object.member("why")
    }
}

extension ReassessmentDue.Reason: WireStringEnum {}
