import Foundation
public import Hummingbird

/// An error a route means to show the caller, rendered as the contract's error JSON:
/// `{"error": {"code": "snake_case_code", "message": "...", "field": "optional"}}`.
///
/// Throw one from a handler (`throw APIError.notFound("No child \(id).")`); ``ErrorMiddleware``
/// turns every other error into the same shape.
public struct APIError: Error, HTTPResponseError, Sendable, Equatable {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// A stable snake_case code that scripts may match on, e.g. `duplicate_id_number`.
    public var code: String
    /// A sentence for a person; it must not contain secrets or resident ID numbers.
    public var message: String
    /// The request field at fault, as a path like `guardian.phone` or `parents[0].status`.
    public var field: String?
    /// Extra response headers, e.g. `WWW-Authenticate` on a 401.
    public var headers: HTTPFields

    /// Makes an error with any status; prefer the named makers below.
    public init(status: HTTPResponse.Status, code: String, message: String, field: String? = nil, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.headers = headers
    }

    /// Renders the error JSON with this error's status and headers.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = Body(error: .init(code: code, message: message, field: field))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(body)
        var headers = headers
        headers[.contentType] = "application/json"
        headers[.contentLength] = String(data.count)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The JSON shape, for tests and clients that read error bodies.
    public struct Body: Codable, Sendable, Equatable {
        /// The one member of an error body.
        public var error: Detail

        /// Wraps `error` as a body.
        public init(error: Detail) {
            self.error = error
        }

        /// What went wrong.
        public struct Detail: Codable, Sendable, Equatable {
            /// The snake_case code.
            public var code: String
            /// The sentence for a person.
            public var message: String
            /// The field at fault, absent when none is.
            public var field: String?

            /// Makes the detail of an error body.
            public init(code: String, message: String, field: String? = nil) {
                self.code = code
                self.message = message
                self.field = field
            }
        }
    }
}

// MARK: - Makers

extension APIError {
    /// 400: the request is malformed (bad JSON, a bad check character, an unknown enum value).
    public static func badRequest(_ message: String, code: String = "bad_request", field: String? = nil) -> APIError {
        APIError(status: .badRequest, code: code, message: message, field: field)
    }

    /// 401: no token or a bad one.
    public static func unauthorized(_ message: String, code: String = "unauthorized") -> APIError {
        APIError(
            status: .unauthorized,
            code: code,
            message: message,
            headers: [.wwwAuthenticate: #"Bearer realm="shouhu""#]
        )
    }

    /// 403: the caller is known but their role (or county, or scope) may not do this.
    public static func forbidden(_ message: String, code: String = "forbidden") -> APIError {
        APIError(status: .forbidden, code: code, message: message)
    }

    /// 404: no such resource or route.
    public static func notFound(_ message: String, code: String = "not_found") -> APIError {
        APIError(status: .notFound, code: code, message: message)
    }

    /// 409: a duplicate, or a state that conflicts with the request.
    public static func conflict(_ message: String, code: String = "conflict", field: String? = nil) -> APIError {
        APIError(status: .conflict, code: code, message: message, field: field)
    }

    /// 422: well-formed, but it breaks a rule (e.g. `not_left_behind`).
    public static func unprocessable(_ message: String, code: String = "unprocessable", field: String? = nil) -> APIError {
        APIError(status: .unprocessableContent, code: code, message: message, field: field)
    }

    /// 413: the body is over the limit.
    public static func payloadTooLarge(limit: Int) -> APIError {
        APIError(
            status: .contentTooLarge,
            code: "payload_too_large",
            message: "The request body is larger than the limit of \(limit) bytes."
        )
    }

    /// 500: something failed on our side; `reference` is logged with the cause so an officer
    /// can quote it without the response revealing anything.
    public static func internalError(reference: String) -> APIError {
        APIError(
            status: .internalServerError,
            code: "internal_error",
            message: "Something went wrong on our side. Quote reference \(reference) when reporting it."
        )
    }

    /// 401 (or 403 for a token from another county) for a refused token.
    public init(_ auth: AuthError) {
        if auth.isForbidden {
            self = .forbidden(auth.message, code: auth.code)
        } else {
            self = .unauthorized(auth.message, code: auth.code)
        }
    }

    /// 400 `invalid_body` naming the field a JSON body got wrong.
    public init(_ decoding: DecodingError) {
        switch decoding {
        case .keyNotFound(let key, let context):
            let field = Self.fieldPath(context.codingPath + [key])
            self = .badRequest("`\(field)` is missing.", code: "invalid_body", field: field)
        case .valueNotFound(_, let context):
            let field = Self.fieldPath(context.codingPath)
            self = .badRequest("`\(field)` must not be null.", code: "invalid_body", field: field)
        case .typeMismatch(let type, let context):
            let field = Self.fieldPath(context.codingPath)
            self = .badRequest("`\(field)` has the wrong type: expected \(type).", code: "invalid_body", field: field)
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            self = .badRequest("The body is not valid JSON.", code: "invalid_body")
        case .dataCorrupted(let context):
            let field = Self.fieldPath(context.codingPath)
            self = .badRequest("`\(field)` is invalid: \(context.debugDescription)", code: "invalid_body", field: field)
        @unknown default:
            self = .badRequest("The body could not be read.", code: "invalid_body")
        }
    }

    /// `guardian.phone`, `parents[1].status`: the path a person would write.
    static func fieldPath(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }
}
