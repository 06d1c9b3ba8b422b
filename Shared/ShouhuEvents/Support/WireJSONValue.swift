import Foundation

/// A scanned body: its bytes and its tokens, both borrowed for the length of `read`. Handles into
/// it (`WireJSONValue`, `WireJSONObject`, `WireJSONArray`) are plain pointers and indices, so
/// reading costs no reference counting; none of them may outlive `read`'s body.
struct WireJSONDocument {
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: UnsafeBufferPointer<WireJSONToken>

    /// Scans the bytes and hands the outermost value to `body`; nil when the scanner or the body
    /// declines.
    static func read<Result>(
        _ raw: UnsafeRawBufferPointer, _ body: (WireJSONValue) throws(WireUnsupported) -> Result
    ) -> Result? {
        // Scratch room for the tokens: on the stack for a body of the usual size (the body is
        // read and done with before this returns), on the heap for a large one, whatever the
        // thread's stack, and never more than `maxTokens`: a body with more values than that is
        // left to Foundation. Tokens are plain values: nothing to deinitialize.
        let capacity = min(WireJSONScanner.maxTokens(byteCount: raw.count), maxTokens)
        guard capacity <= maxStackTokens else {
            let scratch = UnsafeMutableBufferPointer<WireJSONToken>.allocate(capacity: capacity)
            defer { scratch.deallocate() }
            return read(raw, into: scratch, body)
        }
        return withUnsafeTemporaryAllocation(of: WireJSONToken.self, capacity: capacity) { scratch in
            read(raw, into: scratch, body)
        }
    }

    /// The most tokens kept on the stack (32 KiB; room for any body up to 4 KiB).
    private static var maxStackTokens: Int { 2048 }

    /// The most tokens read at all (1 MiB of them; an event has a few dozen).
    private static var maxTokens: Int { 65_536 }

    private static func read<Result>(
        _ raw: UnsafeRawBufferPointer, into scratch: UnsafeMutableBufferPointer<WireJSONToken>,
        _ body: (WireJSONValue) throws(WireUnsupported) -> Result
    ) -> Result? {
        guard let count = try? WireJSONScanner.scan(raw, into: scratch) else { return nil }
        let tokens = UnsafeBufferPointer(rebasing: scratch[..<count])
        let document = WireJSONDocument(bytes: raw.assumingMemoryBound(to: UInt8.self), tokens: tokens)
        return try? body(WireJSONValue(document: document, index: 0))
    }
}

/// One value of a scanned body. Each accessor throws `WireUnsupported` when the value is not of
/// the kind asked for, or does not fit.
struct WireJSONValue {
    let document: WireJSONDocument
    /// The value's token.
    let index: Int

    var token: WireJSONToken { document.tokens[index] }

    var isNull: Bool { token.kind == .null }

    func string() throws(WireUnsupported) -> String {
        let token = self.token
        switch token.kind {
        case .string: return String(decoding: token.range(in: document.bytes), as: UTF8.self)
        case .escapedString: return String(decoding: token.unescaped(in: document.bytes), as: UTF8.self)
        default: throw WireUnsupported()
        }
    }

    /// Hands a string's UTF-8, escapes undone, to `body`, without making a `String`.
    func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) throws(WireUnsupported) -> Result {
        let token = self.token
        switch token.kind {
        case .string: return body(token.range(in: document.bytes))
        case .escapedString: return token.unescaped(in: document.bytes).withUnsafeBufferPointer(body)
        default: throw WireUnsupported()
        }
    }

    /// A whole number that fits `T` (64 bits at most), as `JSONDecoder` reads one.
    func integer<T: FixedWidthInteger>(_ type: T.Type) throws(WireUnsupported) -> T {
        let token = self.token
        guard token.kind == .number, T.bitWidth <= 64 else { throw WireUnsupported() }
        var digits = token.range(in: document.bytes)[...]
        let negative = digits.first == UInt8(ascii: "-")
        if negative { digits = digits.dropFirst() }
        var magnitude: UInt64 = 0
        for digit in digits {
            let (times10, overflow) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, carry) = times10.addingReportingOverflow(UInt64(digit - UInt8(ascii: "0")))
            guard !overflow, !carry else { throw WireUnsupported() }
            magnitude = sum
        }
        if negative {
            guard T.isSigned, magnitude <= UInt64(T.min.magnitude) else { throw WireUnsupported() }
            return T(truncatingIfNeeded: 0 &- magnitude)
        }
        guard magnitude <= UInt64(T.max) else { throw WireUnsupported() }
        return T(magnitude)
    }

    func bool() throws(WireUnsupported) -> Bool {
        switch token.kind {
        case .boolTrue: return true
        case .boolFalse: return false
        default: throw WireUnsupported()
        }
    }

    func object() throws(WireUnsupported) -> WireJSONObject {
        guard token.kind == .object else { throw WireUnsupported() }
        return WireJSONObject(document: document, index: index)
    }

    func array() throws(WireUnsupported) -> WireJSONArray {
        guard token.kind == .array else { throw WireUnsupported() }
        return WireJSONArray(document: document, index: index)
    }
}

/// The members of one object, looked up by name. Lookups start where the last one ended, so
/// reading members in the order they were written (sorted, as Shouhu writes them) finds each
/// at the first try.
struct WireJSONObject {
    let document: WireJSONDocument
    /// The object's token.
    let index: Int
    /// The key token where the next lookup starts.
    private var cursor: Int

    init(document: WireJSONDocument, index: Int) {
        self.document = document
        self.index = index
        self.cursor = index + 1
    }

    /// The member's value, or nil when the object has no such member.
    mutating func value(forKey name: StaticString) -> WireJSONValue? {
        let tokens = document.tokens
        let object = tokens[index]
        guard object.end > 0 else { return nil }
        let first = index + 1, stop = Int(object.next)
        let wanted = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        var key = cursor
        repeat {
            let following = Int(tokens[key + 1].next)
            let candidate = tokens[key].range(in: document.bytes)
            if candidate.count == wanted.count && memcmp(candidate.baseAddress!, wanted.baseAddress!, wanted.count) == 0 {
                cursor = following == stop ? first : following
                return WireJSONValue(document: document, index: key + 1)
            }
            key = following == stop ? first : following
        } while key != cursor
        return nil
    }

    /// A member read as its type; an absent member is as `T.absentWireMember()` says (nil for
    /// optionals, else an error).
    mutating func member<T: WireDecodable>(_ name: StaticString, as type: T.Type = T.self) throws(WireUnsupported)
        -> T
    {
        guard let value = value(forKey: name) else { return try T.absentWireMember() }
        return try T(wire: value)
    }
}

/// The items of one array, in order.
struct WireJSONArray {
    let document: WireJSONDocument
    /// The array's token.
    let index: Int

    var count: Int { Int(document.tokens[index].end) }

    /// Every item read as `T`.
    func map<T: WireDecodable>(_ type: T.Type) throws(WireUnsupported) -> [T] {
        var items: [T] = []
        items.reserveCapacity(count)
        var item = index + 1
        for _ in 0..<count {
            items.append(try T(wire: WireJSONValue(document: document, index: item)))
            item = Int(document.tokens[item].next)
        }
        return items
    }
}
