public import Hummingbird
import Logging

/// Turns any error a route or inner middleware throws into the contract's error JSON, so a
/// client never sees another shape:
///
/// - ``APIError`` as it is; ``AuthError`` as 401 (403 for another county's token);
/// - Hummingbird's `HTTPError` and other `HTTPResponseError`s keep their status, with a code
///   named after it (`not_found`, `payload_too_large`, `bad_request`, …);
/// - a `DecodingError` from reading a body: 400 `invalid_body` naming the field;
/// - anything else: 500 `internal_error` with a short reference. The error itself is logged
///   with that reference and never sent: it may hold SQL, file paths or personal data.
public struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Makes the middleware; add it before the routes (and the middleware) it should cover.
    public init() {}

    /// Passes the request on and renders whatever error comes back.
    public func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let apiError = Self.apiError(for: error, request: request, context: context)
            return try apiError.response(from: request, context: context)
        }
    }

    /// The ``APIError`` shown for `error`; logs the ones that are our fault.
    static func apiError(for error: any Error, request: Request, context: Context) -> APIError {
        switch error {
        case let error as APIError:
            if error.status.code >= 500 {
                context.logger.error("request failed", metadata: ["code": "\(error.code)", "message": "\(error.message)"])
            }
            return error
        case let error as AuthError:
            return APIError(error)
        case let error as DecodingError:
            return APIError(error)
        case let error as any HTTPResponseError where error.status.code < 500:
            return APIError(
                status: error.status,
                code: Self.code(for: error.status),
                message: Self.message(for: error, request: request, context: context)
            )
        case let error as any HTTPResponseError:
            // A deliberate 5xx (say 503 while the broker is away) keeps its status, but not
            // its text: the reference ties the answer to the log line.
            var apiError = internalError(error, request: request, context: context)
            apiError.status = error.status
            apiError.code = Self.code(for: error.status)
            return apiError
        default:
            return internalError(error, request: request, context: context)
        }
    }

    private static func internalError(_ error: any Error, request: Request, context: Context) -> APIError {
        let reference = Self.makeReference()
        context.logger.error(
            "internal error",
            metadata: [
                "reference": "\(reference)",
                "method": "\(request.method.rawValue)",
                "path": "\(request.uri.path)",
                "error": "\(String(reflecting: error))",
            ]
        )
        return .internalError(reference: reference)
    }

    /// A code named after the status, so `HTTPError(.notFound)` reads `not_found`.
    static func code(for status: HTTPResponse.Status) -> String {
        switch status {
        case .badRequest: "bad_request"
        case .unauthorized: "unauthorized"
        case .forbidden: "forbidden"
        case .notFound: "not_found"
        case .methodNotAllowed: "method_not_allowed"
        case .conflict: "conflict"
        case .contentTooLarge: "payload_too_large"
        case .unsupportedMediaType: "unsupported_media_type"
        case .unprocessableContent: "unprocessable"
        case .tooManyRequests: "too_many_requests"
        case .internalServerError: "internal_error"
        default:
            status.reasonPhrase.lowercased()
                .split(whereSeparator: { !$0.isLetter && !$0.isNumber })
                .joined(separator: "_")
        }
    }

    private static func message(for error: any HTTPResponseError, request: Request, context: Context) -> String {
        // Hummingbird's own HTTPError messages are written by code, not copied from input
        // or the system, so they are safe to show.
        if let error = error as? HTTPError, let body = error.body, !body.isEmpty {
            return body
        }
        switch error.status {
        case .notFound:
            return "Nothing here: no route for \(request.method.rawValue) \(request.uri.path)."
        case .contentTooLarge:
            return APIError.payloadTooLarge(limit: context.maxUploadSize).message
        default:
            return "The request failed: \(error.status.reasonPhrase)."
        }
    }

    private static func makeReference() -> String {
        String(UInt32.random(in: 0...UInt32.max), radix: 16, uppercase: false)
            .leftPadded(to: 8)
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
