import Foundation

/// The fast codec's `disbursement.approved`: members in sorted order, as the synthesized
/// `encode(to:)` writes them.
extension DisbursementApproved: WireEvent {
    // EventCodec's fast path runs this event's own writer and reader.
    public static func _wireBody(of envelope: Envelope<Self>) -> Data? { wireBody(of: envelope) }
    public static func _wireEnvelope(from data: Data) -> Envelope<Self>? { wireEnvelope(from: data) }

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
