/// The fast codec's dimension scores: members in sorted order, as the synthesized
/// `encode(to:)` writes them.
extension AssessmentRecorded.DimensionScores: WireCodable {
    func writeWire(to writer: inout WireJSONWriter) {
        writer.openObject()
        writer.member("guardianship", guardianship)
        writer.member("physicalHealth", physicalHealth)
        writer.member("psychology", psychology)
        writer.member("safetyAndLiving", safetyAndLiving)
        writer.member("studies", studies)
        writer.closeObject()
    }

    init(wire value: WireJSONValue) throws(WireUnsupported) {
        var object = try value.object()
        guardianship = try object.member("guardianship")
        physicalHealth = try object.member("physicalHealth")
        psychology = try object.member("psychology")
        safetyAndLiving = try object.member("safetyAndLiving")
        studies = try object.member("studies")
    }
}
