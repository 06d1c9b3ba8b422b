import Foundation

/// The fast codec's `child.updated`: members in sorted order, and, as `encode(to:)` writes them,
/// a field only when it has a value or is listed in `changed` (a cleared one as `null`).
extension ChildUpdated: WireEvent {
    // EventCodec's fast path runs this event's own writer and reader.
    public static func _wireBody(of envelope: Envelope<Self>) -> Data? { wireBody(of: envelope) }
    public static func _wireEnvelope(from data: Data) -> Envelope<Self>? { wireEnvelope(from: data) }

    func writeWire(to writer: inout WireJSONWriter) {
        func write<Value: WireEncodable>(_ name: StaticString, _ value: Value?, _ field: Field) {
            if value != nil || isChanged(field) { writer.member(name, value) }
        }
        writer.openObject()
        write("birthDate", birthDate, .birthDate)
        writer.member("changed", changed)
        writer.member("childId", childId)
        write("className", className, .className)
        write("familyFlags", familyFlags, .familyFlags)
        write("gender", gender, .gender)
        write("grade", grade, .grade)
        write("guardian", guardian, .guardian)
        write("name", name, .name)
        write("parents", parents, .parents)
        write("schoolId", schoolId, .schoolId)
        write("schoolStage", schoolStage, .schoolStage)
        write("villageCode", villageCode, .villageCode)
        writer.closeObject()
    }

    init(wire value: WireJSONValue) throws(WireUnsupported) {
        var object = try value.object()
        birthDate = try object.member("birthDate")
        changed = try object.member("changed")
        childId = try object.member("childId")
        className = try object.member("className")
        familyFlags = try object.member("familyFlags")
        gender = try object.member("gender")
        grade = try object.member("grade")
        guardian = try object.member("guardian")
        name = try object.member("name")
        parents = try object.member("parents")
        schoolId = try object.member("schoolId")
        schoolStage = try object.member("schoolStage")
        villageCode = try object.member("villageCode")
    }
}
