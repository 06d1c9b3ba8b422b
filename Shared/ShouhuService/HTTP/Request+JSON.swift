import Foundation
public import Hummingbird

extension Request {
    /// Reads the body as JSON of type `T`, with errors that name the field at fault.
    ///
    /// Use this rather than Hummingbird's `decode(as:context:)`, which folds every decoding
    /// error into a bare 400 and loses the field. Dates are RFC 3339 (`2026-06-20T08:30:00Z`).
    /// - Throws: 413 `payload_too_large` over the context's upload limit (1 MiB for
    ///   ``ShouhuRequestContext``); 400 `invalid_body` with `field` when the JSON does not fit.
    public func decodeJSON<T: Decodable>(as type: T.Type, context: some RequestContext) async throws -> T {
        let buffer: ByteBuffer
        do {
            buffer = try await body.collect(upTo: context.maxUploadSize)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIError.payloadTooLarge(limit: context.maxUploadSize)
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw APIError(error)
        }
    }
}
