import CRabbitMQ

/// A value in an AMQP field table (queue arguments, client properties, message headers), the few
/// kinds Shouhu needs.
public enum AMQPFieldValue: Sendable, Equatable {
    case string(String)
    case int(Int64)
    case bool(Bool)
}

/// A field table laid out in C memory for the length of one call. rabbitmq-c only borrows the
/// pointers, so the memory is allocated here and freed when the closure returns.
enum AMQPTableBuilder {
    static func with<R>(_ fields: [(String, AMQPFieldValue)], _ body: (amqp_table_t) throws -> R) rethrows -> R {
        if fields.isEmpty { return try body(amqp_empty_table) }
        var owned: [amqp_bytes_t] = []
        defer { owned.forEach { amqp_bytes_free($0) } }
        func dup(_ s: String) -> amqp_bytes_t {
            let bytes = s.withCString { amqp_bytes_malloc_dup(amqp_cstring_bytes($0)) }
            owned.append(bytes)
            return bytes
        }
        let entries = UnsafeMutablePointer<amqp_table_entry_t>.allocate(capacity: fields.count)
        defer { entries.deallocate() }
        for (i, (key, value)) in fields.enumerated() {
            var field = amqp_field_value_t()
            switch value {
            case .string(let s):
                field.kind = UInt8(AMQP_FIELD_KIND_UTF8.rawValue)
                field.value.bytes = dup(s)
            case .int(let n):
                field.kind = UInt8(AMQP_FIELD_KIND_I64.rawValue)
                field.value.i64 = n
            case .bool(let b):
                field.kind = UInt8(AMQP_FIELD_KIND_BOOLEAN.rawValue)
                field.value.boolean = b ? 1 : 0
            }
            (entries + i).initialize(to: amqp_table_entry_t(key: dup(key), value: field))
        }
        return try body(amqp_table_t(num_entries: Int32(fields.count), entries: entries))
    }

    /// Reads an integer header (RabbitMQ sends `x-delivery-count` as a long).
    static func integer(_ key: String, in table: amqp_table_t) -> Int64? {
        guard table.num_entries > 0, let entries = table.entries else { return nil }
        for i in 0..<Int(table.num_entries) {
            let entry = entries[i]
            guard entry.key.string == key else { continue }
            let v = entry.value
            switch Int(v.kind) {
            case Int(AMQP_FIELD_KIND_I8.rawValue): return Int64(v.value.i8)
            case Int(AMQP_FIELD_KIND_U8.rawValue): return Int64(v.value.u8)
            case Int(AMQP_FIELD_KIND_I16.rawValue): return Int64(v.value.i16)
            case Int(AMQP_FIELD_KIND_U16.rawValue): return Int64(v.value.u16)
            case Int(AMQP_FIELD_KIND_I32.rawValue): return Int64(v.value.i32)
            case Int(AMQP_FIELD_KIND_U32.rawValue): return Int64(v.value.u32)
            case Int(AMQP_FIELD_KIND_I64.rawValue): return v.value.i64
            case Int(AMQP_FIELD_KIND_U64.rawValue): return Int64(clamping: v.value.u64)
            default: return nil
            }
        }
        return nil
    }
}

extension String {
    /// Calls `body` with the string's UTF-8 bytes as an `amqp_bytes_t` that lives for the call.
    func withAMQPBytes<R>(_ body: (amqp_bytes_t) throws -> R) rethrows -> R {
        var copy = self
        return try copy.withUTF8 { buffer in
            try body(amqp_bytes_t(len: buffer.count, bytes: UnsafeMutableRawPointer(mutating: buffer.baseAddress)))
        }
    }
}
