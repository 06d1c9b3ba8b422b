/// The fast codec's parent entry: members in sorted order, as `encode(to:)` writes them.
extension ChildRegistered.Parent: WireCodable {
    func writeWire(to writer: inout WireJSONWriter) {
        writer.openObject()
        writer.member("phone", phone)
        writer.member("place", place)
        writer.member("role", role)
        writer.member("since", since)
        writer.member("status", status)
        writer.closeObject()
    }

    init(wire value: WireJSONValue) throws(WireUnsupported) {
        var object = try value.object()
        phone = try object.member("phone")
        place = try object.member("place")
        role = try object.member("role")
        since = try object.member("since")
        status = try object.member("status")
    }
}
