import Foundation

/// The fast codec's `assessment.recorded`: members in sorted order, as `encode(to:)` writes them.
extension AssessmentRecorded: WireEvent {
    // EventCodec's fast path runs this event's own writer and reader.
    public static func _wireBody(of envelope: Envelope<Self>) -> Data? { wireBody(of: envelope) }
    public static func _wireEnvelope(from data: Data) -> Envelope<Self>? { wireEnvelope(from: data) }

    func writeWire(to writer: inout WireJSONWriter) {
        writer.openObject()
        writer.member("assessedOn", assessedOn)
        writer.member("assessmentId", assessmentId)
        writer.member("assessorRole", assessorRole)
        writer.member("careLevel", careLevel)
        writer.member("childId", childId)
        writer.member("dimensionScores", dimensionScores)
        writer.member("guardianCategory", guardianCategory)
        writer.member("guardianRating", guardianRating)
        writer.member("harmLevel", harmLevel)
        writer.member("tier", tier)
        writer.closeObject()
    }

    init(wire value: WireJSONValue) throws(WireUnsupported) {
        var object = try value.object()
        assessedOn = try object.member("assessedOn")
        assessmentId = try object.member("assessmentId")
        assessorRole = try object.member("assessorRole")
        careLevel = try object.member("careLevel")
        childId = try object.member("childId")
        dimensionScores = try object.member("dimensionScores")
        guardianCategory = try object.member("guardianCategory")
        guardianRating = try object.member("guardianRating")
        harmLevel = try object.member("harmLevel")
        tier = try object.member("tier")
    }
}
