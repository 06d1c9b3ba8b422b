/// The fast codec's `disbursement.approved`: members in sorted order, as the synthesized
/// `encode(to:)` writes them.
extension DisbursementApproved: WireEncodable, WireDecodable {
    func writeWire(to writer: inout WireJSONWriter) {
        writer.openObject()
        writer.member("batchId", batchId)
        writer.member("count", count)
        writer.member("period", period)
        writer.member("totalFen", totalFen)
        writer.closeObject()
    }

    init(wire value: WireJSONValue) throws(WireUnsupported) {
        var object = try value.object()
        batchId = try object.member("batchId")
        count = try object.member("count")
        period = try object.member("period")
        totalFen = try object.member("totalFen")
    }
}
