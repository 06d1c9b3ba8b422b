#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns GB18030 bytes into UTF-8 with the C library's iconv, one chunk at a time. A character
/// split between two chunks (GB18030 has 1-, 2- and 4-byte characters) is held back and finished
/// with the next chunk.
final class GB18030Decoder {
    /// Why a chunk could not be decoded.
    enum Failure: Error, Equatable {
        /// The bytes from `offset` (counted from the first byte this decoder was given) are not
        /// GB18030, or end the input in the middle of a character.
        case invalid(offset: Int)
        /// iconv has no GB18030 converter on this system.
        case unavailable
    }

    private let converter: iconv_t
    /// Bytes of an unfinished character from the end of the previous chunk.
    private var carry: [UInt8] = []
    /// Bytes decoded so far, not counting `carry`: the offset of `carry`'s first byte.
    private var consumed = 0

    /// Opens a converter.
    init() throws(Failure) {
        let handle = iconv_open("UTF-8", "GB18030")
        guard let handle, handle != iconv_t(bitPattern: -1) else { throw .unavailable }
        converter = handle
    }

    deinit {
        iconv_close(converter)
    }

    /// Decodes the next chunk and appends the UTF-8 to `output`.
    /// - Parameters:
    ///   - chunk: the next bytes of the file.
    ///   - isFinal: true for the last chunk; a character still unfinished then is an error.
    ///   - output: receives the UTF-8 bytes.
    /// - Throws: `Failure.invalid` with the offset of the first byte that is not GB18030.
    func decode(_ chunk: UnsafeRawBufferPointer, isFinal: Bool, into output: inout [UInt8]) throws(Failure) {
        if carry.isEmpty {
            try convert(chunk, isFinal: isFinal, into: &output)
        } else {
            var joined = carry
            joined.append(contentsOf: chunk)
            carry.removeAll(keepingCapacity: true)
            let result = joined.withUnsafeBytes { bytes in
                Result { () throws(Failure) in try convert(bytes, isFinal: isFinal, into: &output) }
            }
            try result.get()
        }
    }

    private func convert(_ input: UnsafeRawBufferPointer, isFinal: Bool, into output: inout [UInt8]) throws(Failure) {
        guard let base = input.baseAddress, input.count > 0 else {
            return
        }
        var inPointer = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: CChar.self))
        var inLeft = input.count
        // Two GB18030 bytes become at most three UTF-8 bytes; four become four.
        var scratch = [UInt8](repeating: 0, count: input.count + input.count / 2 + 16)
        while inLeft > 0 {
            let (written, result, error) = scratch.withUnsafeMutableBytes { buffer -> (Int, Int, Int32) in
                var outPointer: UnsafeMutablePointer<CChar>? = buffer.baseAddress!.assumingMemoryBound(to: CChar.self)
                var outLeft = buffer.count
                var source: UnsafeMutablePointer<CChar>? = inPointer
                let result = iconv(converter, &source, &inLeft, &outPointer, &outLeft)
                let error = result == -1 ? errno : 0
                inPointer = source!
                return (buffer.count - outLeft, result, error)
            }
            output.append(contentsOf: scratch[0..<written])
            if result != -1 { break }
            let position = input.count - inLeft
            switch error {
            case E2BIG:
                continue
            case EINVAL where !isFinal:
                // An unfinished character at the end of the chunk: keep it for the next one.
                carry.append(contentsOf: UnsafeRawBufferPointer(rebasing: input[position...]))
                consumed += position
                return
            default:
                throw .invalid(offset: consumed + position)
            }
        }
        consumed += input.count
    }
}
