/// The fast codec's `YYYY-MM-DD`, as `encode(to:)` writes it and `init(from:)` reads it. A day
/// outside the years 1 to 9999 (only date arithmetic makes one) is left to Foundation.
extension CalendarDate: WireCodable {
    func writeWire(to writer: inout WireJSONWriter) {
        writer.quoted { appendDigits(to: &$0) }
    }

    init(wire value: WireJSONValue) throws(WireUnsupported) {
        guard let date = try value.withUTF8(CalendarDate.parse) else { throw WireUnsupported() }
        self = date
    }
}
