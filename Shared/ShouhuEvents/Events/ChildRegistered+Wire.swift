import Foundation

/// The fast codec's `child.registered`: members in sorted order, as `encode(to:)` writes them.
extension ChildRegistered: WireEvent {
    // EventCodec's fast path runs this event's own writer and reader.
    public static func _wireBody(of envelope: Envelope<Self>) -> Data? { wireBody(of: envelope) }
    public static func _wireEnvelope(from data: Data) -> Envelope<Self>? { wireEnvelope(from: data) }

    func writeWire(to writer: inout WireJSONWriter) {
        writer.openObject()
        writer.member("birthDate", birthDate)
        writer.member("childId", childId)
        writer.member("className", className)
        writer.member("familyFlags", familyFlags)
        writer.member("gender", gender)
        writer.member("grade", grade)
        writer.member("guardian", guardian)
        writer.member("name", name)
        writer.member("parents", parents)
        writer.member("registeredOn", registeredOn)
        writer.member("schoolId", schoolId)
        writer.member("schoolStage", schoolStage)
        writer.member("villageCode", villageCode)
        writer.closeObject()
    }

    init(wire value: WireJSONValue) throws(WireUnsupported) {
        var object = try value.object()
        birthDate = try object.member("birthDate")
        childId = try object.member("childId")
        className = try object.member("className")
        familyFlags = try object.member("familyFlags")
        gender = try object.member("gender")
        grade = try object.member("grade")
        guardian = try object.member("guardian")
        name = try object.member("name")
        parents = try object.member("parents")
        registeredOn = try object.member("registeredOn")
        schoolId = try object.member("schoolId")
        schoolStage = try object.member("schoolStage")
        villageCode = try object.member("villageCode")
    }
}
