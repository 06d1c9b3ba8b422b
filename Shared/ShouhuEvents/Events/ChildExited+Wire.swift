import Foundation

/// The fast codec's `child.exited`: members in sorted order, as `encode(to:)` writes them.
extension ChildExited: WireEvent {
    // EventCodec's fast path runs this event's own writer and reader.
    public static func _wireBody(of envelope: Envelope<Self>) -> Data? { wireBody(of: envelope) }
    public static func _wireEnvelope(from data: Data) -> Envelope<Self>? { wireEnvelope(from: data) }

    func writeWire(to writer: inout WireJSONWriter) {
        writer.openObject()
        writer.member("childId", childId)
        writer.member("note", note)
        writer.member("on", on)
        writer.member("reason", reason)
        writer.closeObject()
    }

    init(wire value: WireJSONValue) throws(WireUnsupported) {
        var object = try value.object()
        childId = try object.member("childId")
        note = try object.member("note")
        on = try object.member("on")
        reason = try object.member("reason")
    }
}
