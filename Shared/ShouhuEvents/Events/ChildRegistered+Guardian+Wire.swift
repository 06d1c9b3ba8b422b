/// The fast codec's guardian entry: members in sorted order, as `encode(to:)` writes them.
extension ChildRegistered.Guardian: WireCodable {
    func writeWire(to writer: inout WireJSONWriter) {
        writer.openObject()
        writer.member("name", name)
        writer.member("phone", phone)
        writer.member("relation", relation)
        writer.closeObject()
    }

    init(wire value: WireJSONValue) throws(WireUnsupported) {
        var object = try value.object()
        name = try object.member("name")
        phone = try object.member("phone")
        relation = try object.member("relation")
    }
}
