/// The fast codec's `child.exited`: members in sorted order, as `encode(to:)` writes them.
extension ChildExited: WireEncodable, WireDecodable {
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
