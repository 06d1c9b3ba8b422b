extension EnvelopeHeader {
    /// The fast codec's reading of the header fields of an envelope object: what
    /// `init(from:)` reads, with its checks. It throws on anything `init(from:)` would refuse,
    /// and the codec then asks Foundation for the error.
    init(wire object: inout WireJSONObject) throws(WireUnsupported) {
        // In the order the fields are written (sorted), so that each lookup hits at once.
        let causationId: String? = try object.member("causationId")
        let correlationId: String = try object.member("correlationId")
        let county: String = try object.member("county")
        let id: String = try object.member("id")
        guard let instant = object.value(forKey: "occurredAt"),
            let milliseconds = try instant.withUTF8(RFC3339.milliseconds(fromUTF8:))
        else { throw WireUnsupported() }
        let producer: ServiceName = try object.member("producer")
        let type: String = try object.member("type")
        let version: Int = try object.member("version")
        guard FieldFormat.isLowercaseUUID(id), EnvelopeHeader.isRoutingKey(type), version >= 1,
            FieldFormat.isCountyCode(county), FieldFormat.isLowercaseUUID(correlationId),
            causationId.map(FieldFormat.isLowercaseUUID) ?? true
        else { throw WireUnsupported() }
        self.id = id
        self.type = type
        self.version = version
        self.occurredAt = RFC3339.date(milliseconds: milliseconds)
        self.producer = producer
        self.county = county
        self.correlationId = correlationId
        self.causationId = causationId
    }
}
