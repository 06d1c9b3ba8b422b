public import Foundation
public import Hummingbird
import Logging

/// Lets the operational routes through and demands a valid Bearer token on every other one,
/// putting the proven ``Caller`` on the context (and its subject and role on the request's
/// logger, so every line a handler logs says who asked).
///
/// Unknown paths need a token too: an anonymous caller learns nothing about which routes exist.
public struct AuthMiddleware: RouterMiddleware {
    /// The context this middleware fills in.
    public typealias Context = ShouhuRequestContext

    /// The paths served without a token: health, metrics and the OpenAPI document.
    public static let publicPaths: Set<String> = ["/health/live", "/health/ready", "/metrics", "/openapi.json"]

    private let codec: JWTCodec
    private let county: String
    private let publicPaths: Set<String>
    private let now: @Sendable () -> Date

    /// Makes the middleware.
    ///
    /// - Parameters:
    ///   - codec: checks the tokens.
    ///   - county: this deployment's county; tokens for another get 403.
    ///   - publicPaths: paths that need no token.
    ///   - now: the clock; tests may fix it.
    public init(
        codec: JWTCodec,
        county: String,
        publicPaths: Set<String> = AuthMiddleware.publicPaths,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.codec = codec
        self.county = county
        self.publicPaths = publicPaths
        self.now = now
    }

    /// Checks the token (unless the path is public) and passes the request on.
    public func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if publicPaths.contains(request.uri.path) {
            return try await next(request, context)
        }
        let caller: Caller
        do throws(AuthError) {
            caller = try codec.verify(try Self.bearerToken(in: request), now: now(), county: county)
        } catch {
            context.logger.debug("token refused", metadata: ["reason": "\(error.code)"])
            throw APIError(error)
        }
        var context = context
        context.caller = caller
        context.logger[metadataKey: "caller"] = "\(caller.subject)"
        context.logger[metadataKey: "role"] = "\(caller.role.rawValue)"
        return try await next(request, context)
    }

    /// The token of an `Authorization: Bearer <token>` header; the scheme is case-insensitive
    /// (RFC 7235 §2.1).
    static func bearerToken(in request: Request) throws(AuthError) -> String {
        guard let header = request.headers[.authorization] else {
            throw .missing
        }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw .malformed("the Authorization header is not `Bearer <token>`")
        }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }
}
