import Foundation

/// Decodes a CSV file chunk by chunk into UTF-8, deciding the encoding as it goes.
///
/// Detection follows the order Chinese ledgers call for: a UTF-8 BOM means UTF-8; bytes that are
/// valid UTF-8 mean UTF-8; anything else is GB18030 (what Excel on Chinese Windows writes); bytes
/// valid in neither are an error naming the byte offset. Plain ASCII reads the same in both, so
/// the decision waits for the first non-ASCII byte and is made on a window of text from there
/// (a line of Chinese text is never valid UTF-8 by accident, though one GB18030 character can be).
final class StreamingTextDecoder {
    private enum State {
        /// Nothing seen yet: looking for a byte order mark.
        case start
        /// Only ASCII so far.
        case undecided
        case utf8
        case gb18030(GB18030Decoder)
    }

    /// How many bytes from the first non-ASCII byte the decision looks at (fewer only when the
    /// file ends sooner).
    static let detectionWindow = 256

    private var state: State = .start
    /// File offset of the byte after the last one received.
    private var received = 0
    /// Bytes received but not yet decided on or decoded: the start of the file until a BOM can be
    /// ruled out, the detection window, or a UTF-8 character cut off by a chunk boundary.
    private var pending: [UInt8] = []
    /// File offset of the first GB18030 byte, from which the GB18030 decoder counts.
    private var gbBase = 0

    /// The encoding, once decided; `.utf8` for an all-ASCII file after the last chunk.
    private(set) var encoding: LedgerTextEncoding?

    /// Decodes one chunk into UTF-8 bytes.
    /// - Parameters:
    ///   - chunk: the next bytes of the file.
    ///   - isFinal: true when no bytes follow (the chunk may be empty).
    ///   - output: receives the UTF-8 text, without a BOM.
    /// - Throws: `ImportError.undecodableText`, `.invalidText` or `.unsupportedFormat` (UTF-16).
    func decode(_ chunk: Data, isFinal: Bool, into output: inout [UInt8]) throws(ImportError) {
        // File offset of bytes[0].
        let base = received - pending.count
        received += chunk.count
        var bytes = pending
        bytes.append(contentsOf: chunk)
        pending.removeAll(keepingCapacity: true)
        var start = 0

        if case .start = state {
            if bytes.count < 3, !isFinal {
                pending = bytes
                return
            }
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                state = .utf8
                encoding = .utf8WithBOM
                start = 3
            } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
                throw .unsupportedFormat("UTF-16 文本")
            } else {
                state = .undecided
            }
        }

        switch state {
        case .start:
            preconditionFailure("the start state is always left above")
        case .undecided:
            try decide(bytes, from: start, base: base, isFinal: isFinal, into: &output)
        case .utf8:
            try decodeUTF8(bytes, from: start, base: base, isFinal: isFinal, into: &output)
        case .gb18030(let decoder):
            try decodeGB18030(bytes, from: start, decoder: decoder, isFinal: isFinal, into: &output)
        }
    }

    private func decide(
        _ bytes: [UInt8], from start: Int, base: Int, isFinal: Bool, into output: inout [UInt8]
    ) throws(ImportError) {
        guard let firstHigh = bytes[start...].firstIndex(where: { $0 >= 0x80 }) else {
            output.append(contentsOf: bytes[start...])
            if isFinal { encoding = .utf8 }
            return
        }
        output.append(contentsOf: bytes[start..<firstHigh])
        if bytes.count - firstHigh < Self.detectionWindow, !isFinal {
            pending.append(contentsOf: bytes[firstHigh...])
            return
        }
        let window = Array(bytes[firstHigh...])
        let outcome = UTF8Validation.check(window)
        switch outcome {
        case .valid:
            state = .utf8
            encoding = .utf8
            output.append(contentsOf: window)
            return
        case .truncated(let at) where !isFinal:
            state = .utf8
            encoding = .utf8
            output.append(contentsOf: window[..<at])
            pending.append(contentsOf: window[at...])
            return
        case .truncated(let at), .invalid(let at):
            let utf8Offset = base + firstHigh + at
            let decoder: GB18030Decoder
            do {
                decoder = try GB18030Decoder()
            } catch {
                throw .cannotRead("系统缺少 GB18030 转换器（iconv）")
            }
            gbBase = base + firstHigh
            var converted: [UInt8] = []
            do {
                try window.withUnsafeBytes { raw in
                    Result { () throws(GB18030Decoder.Failure) in
                        try decoder.decode(raw, isFinal: isFinal, into: &converted)
                    }
                }.get()
            } catch .invalid(let offset) {
                throw .undecodableText(utf8Offset: utf8Offset, gb18030Offset: gbBase + offset)
            } catch {
                throw .cannotRead("系统缺少 GB18030 转换器（iconv）")
            }
            state = .gb18030(decoder)
            encoding = .gb18030
            output.append(contentsOf: converted)
        }
    }

    private func decodeGB18030(
        _ bytes: [UInt8], from start: Int, decoder: GB18030Decoder, isFinal: Bool, into output: inout [UInt8]
    ) throws(ImportError) {
        do {
            try bytes.withUnsafeBytes { raw in
                Result { () throws(GB18030Decoder.Failure) in
                    try decoder.decode(UnsafeRawBufferPointer(rebasing: raw[start...]), isFinal: isFinal, into: &output)
                }
            }.get()
        } catch .invalid(let offset) {
            throw .invalidText(encoding: .gb18030, byteOffset: gbBase + offset)
        } catch {
            throw .cannotRead("系统缺少 GB18030 转换器（iconv）")
        }
    }

    private func decodeUTF8(
        _ bytes: [UInt8], from start: Int, base: Int, isFinal: Bool, into output: inout [UInt8]
    ) throws(ImportError) {
        let outcome = bytes.withUnsafeBufferPointer { buffer in
            UTF8Validation.check(UnsafeBufferPointer(rebasing: buffer[start...]))
        }
        switch outcome {
        case .valid:
            output.append(contentsOf: bytes[start...])
        case .truncated(let at) where !isFinal:
            output.append(contentsOf: bytes[start..<(start + at)])
            pending.append(contentsOf: bytes[(start + at)...])
        case .truncated(let at), .invalid(let at):
            throw .invalidText(encoding: encoding ?? .utf8, byteOffset: base + start + at)
        }
    }
}
