import Foundation

/// The fast codec's `disbursement.settled`: members in sorted order, as `encode(to:)` writes
/// them.
extension DisbursementSettled: WireEvent {
    // EventCodec's fast path runs this event's own writer and reader.
    public static func _wireBody(of envelope: Envelope<Self>) -> Data? { wireBody(of: envelope) }
    public static func _wireEnvelope(from data: Data) -> Envelope<Self>? { wireEnvelope(from: data) }

    func writeWire(to writer: inout WireJSONWriter) {
        writer.openObject()
        writer.member("amountFen", amountFen)
        writer.member("batchId", batchId)
        writer.member("childId", childId)
        writer.member("outcome", outcome)
        writer.member("reason", reason)
        writer.closeObject()
    }

    init(wire value: WireJSONValue) throws(WireUnsupported) {
        var object = try value.object()
        amountFen = try object.member("amountFen")
        batchId = try object.member("batchId")
        childId = try object.member("childId")
        outcome = try object.member("outcome")
        reason = try object.member("reason")
    }
}

extension DisbursementSettled.Outcome: WireStringEnum {}
