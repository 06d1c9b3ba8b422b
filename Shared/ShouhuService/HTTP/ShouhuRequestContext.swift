public import Foundation
public import Hummingbird

/// The request context of every Shouhu route: Hummingbird's core storage plus the ``Caller``
/// that ``AuthMiddleware`` proved, and a 1 MiB cap on bodies (the contract's 413 limit).
public struct ShouhuRequestContext: RequestContext {
    /// The largest body a route will read; larger ones get 413 `payload_too_large`.
    public static let maximumBodySize = 1 << 20

    /// Hummingbird's own per-request state (logger, route parameters, endpoint path).
    public var coreContext: CoreRequestContextStorage
    /// Who is calling, set by ``AuthMiddleware``; `nil` on the operational routes.
    public var caller: Caller?

    /// Called by Hummingbird for each request.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        caller = nil
    }

    /// Responses are JSON with RFC 3339 times, sorted keys and unescaped slashes, the same in
    /// every service.
    public var responseEncoder: JSONEncoder {
        Self.encoder
    }

    /// The one encoder of ``responseEncoder``; `JSONEncoder` is safe to share once configured.
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Bodies over 1 MiB are refused with 413 when a route reads them.
    public var maxUploadSize: Int {
        Self.maximumBodySize
    }

    /// Returns the caller if their role is one of `roles`.
    ///
    /// Routes name every role they let in, `admin` included, so reading a route tells exactly
    /// who may call it.
    /// - Throws: 401 `unauthorized` when nobody is signed in (a route outside ``AuthMiddleware``),
    ///   403 `forbidden` when the caller's role is not among `roles`.
    public func requireCaller(_ roles: Set<Role>) throws(APIError) -> Caller {
        guard let caller else {
            throw .unauthorized(AuthError.missing.message, code: AuthError.missing.code)
        }
        guard roles.contains(caller.role) else {
            throw .forbidden("The role `\(caller.role.rawValue)` may not do this.")
        }
        return caller
    }
}
