import Crypto
public import Foundation

/// Signs and checks the HS256 JSON Web Tokens every route but the operational ones needs.
///
/// Written here rather than taken from a JWT library because the rules are few and strict: the
/// header must say HS256 (so `alg: none` and the RS256/HS256 confusion are refused before any
/// claim is read), the signature is compared in constant time, `exp` is required, and `nbf` and
/// `iat` are honoured when present — each with ``leeway`` for clocks that drift between the
/// issuer and a service.
public struct JWTCodec: Sendable {
    /// How far clocks may disagree, in seconds, before a token counts as expired or early.
    public static let leeway: TimeInterval = 60

    // The raw secret, not a `SymmetricKey`: swift-crypto's key type is not `Sendable` on Linux,
    // and making one per token is a copy of 64 bytes.
    private let secret: Data

    /// Makes a codec keyed by the UTF-8 bytes of `secret` (as `SHOUHU_JWT_SECRET` holds it,
    /// e.g. the 64 hex characters of `openssl rand -hex 32`, used as they are, not hex-decoded).
    public init(secret: String) {
        self.secret = Data(secret.utf8)
    }

    /// Makes a codec with the secret of `settings`.
    public init(settings: Settings) {
        self.init(secret: settings.jwtSecret)
    }

    /// Issues a token for `caller`, e.g. for `mint-token` or a test.
    ///
    /// - Parameters:
    ///   - caller: becomes the `sub`, `role`, `county` and (if set) `scope` claims.
    ///   - expiresAt: the `exp` claim, in whole seconds.
    ///   - issuedAt: the `iat` claim; now unless a test fixes the clock.
    /// - Returns: the compact serialisation `header.claims.signature`.
    public func sign(_ caller: Caller, expiresAt: Date, issuedAt: Date = Date()) -> String {
        let claims = Claims(
            sub: caller.subject,
            role: caller.role.rawValue,
            county: caller.county,
            scope: caller.scope,
            exp: expiresAt.timeIntervalSince1970.rounded(.down),
            nbf: nil,
            iat: issuedAt.timeIntervalSince1970.rounded(.down)
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        // Encoding a struct of strings and whole numbers cannot fail.
        let payload = try! encoder.encode(claims)
        return sign(header: Self.header, claims: payload)
    }

    /// Signs any header and claims as they are; `sign(_:expiresAt:issuedAt:)` uses it with
    /// our fixed header, tests with the odd ones a forger would send.
    func sign(header: Data, claims: Data) -> String {
        let signingInput = Base64URL.encode(header) + "." + Base64URL.encode(claims)
        let signature = HMAC<SHA256>.authenticationCode(for: Data(signingInput.utf8), using: SymmetricKey(data: secret))
        return signingInput + "." + Base64URL.encode(signature)
    }

    /// Checks `token` and returns who it speaks for.
    ///
    /// - Parameters:
    ///   - token: the compact JWT, without the `Bearer ` prefix.
    ///   - now: the time to check `exp`, `nbf` and `iat` against.
    ///   - county: this deployment's county; a token for another one is refused.
    /// - Throws: ``AuthError`` saying which rule the token broke.
    public func verify(_ token: String, now: Date = Date(), county: String) throws(AuthError) -> Caller {
        guard token.utf8.count <= Self.maximumTokenLength else {
            throw .malformed("it is longer than \(Self.maximumTokenLength) bytes")
        }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            throw .malformed("expected three base64url parts separated by dots")
        }

        guard let headerData = Base64URL.decode(parts[0]),
            let header = try? JSONDecoder().decode(Header.self, from: headerData)
        else {
            throw .malformed("the header is not base64url JSON")
        }
        guard let algorithm = header.alg else {
            throw .malformed("the header has no alg")
        }
        guard algorithm == "HS256" else {
            throw .unsupportedAlgorithm(algorithm)
        }
        if let type = header.typ, type.uppercased() != "JWT" {
            throw .malformed("the header's typ is `\(type)`, not JWT")
        }
        if header.crit != nil {
            // RFC 7515 §4.1.11: extensions we do not understand must make us refuse the token.
            throw .malformed("the header lists critical extensions this service does not know")
        }

        // Authenticate before reading any claim, so nothing unsigned is ever trusted or parsed.
        guard let signature = Base64URL.decode(parts[2]) else {
            throw .malformed("the signature is not base64url")
        }
        let signingInput = Data(token.utf8.prefix(parts[0].utf8.count + 1 + parts[1].utf8.count))
        guard HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: signingInput, using: SymmetricKey(data: secret)) else {
            throw .badSignature
        }

        guard let claimsData = Base64URL.decode(parts[1]),
            let claims = try? JSONDecoder().decode(Claims.self, from: claimsData)
        else {
            throw .malformed("the claims are not the JSON expected")
        }
        let seconds = now.timeIntervalSince1970
        guard let expiry = claims.exp else {
            throw .malformed("it has no exp claim")
        }
        guard seconds <= expiry + Self.leeway else {
            throw .expired
        }
        if let notBefore = claims.nbf, seconds + Self.leeway < notBefore {
            throw .notYetValid
        }
        if let issued = claims.iat, seconds + Self.leeway < issued {
            throw .notYetValid
        }
        guard let subject = claims.sub, !subject.isEmpty else {
            throw .malformed("it has no sub claim")
        }
        guard let roleName = claims.role else {
            throw .malformed("it has no role claim")
        }
        guard let role = Role(rawValue: roleName) else {
            throw .unknownRole(roleName)
        }
        guard let tokenCounty = claims.county else {
            throw .malformed("it has no county claim")
        }
        guard tokenCounty == county else {
            throw .wrongCounty(tokenCounty)
        }
        return Caller(subject: subject, role: role, county: tokenCounty, scope: claims.scope)
    }

    /// Far above any token we issue, low enough that nobody makes us hash megabytes.
    static let maximumTokenLength = 8_192

    static let header = Data(#"{"alg":"HS256","typ":"JWT"}"#.utf8)

    private struct Header: Decodable {
        var alg: String?
        var typ: String?
        var crit: [String]?
    }

    /// The registered claims we use (RFC 7519 §4.1: NumericDates may carry fractions, hence
    /// `Double`) and our own `role`, `county` and `scope`.
    private struct Claims: Codable {
        var sub: String?
        var role: String?
        var county: String?
        var scope: String?
        var exp: Double?
        var nbf: Double?
        var iat: Double?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(sub, forKey: .sub)
            try container.encodeIfPresent(role, forKey: .role)
            try container.encodeIfPresent(county, forKey: .county)
            try container.encodeIfPresent(scope, forKey: .scope)
            // Whole seconds as integers: other JWT libraries reading our tokens expect them.
            try container.encodeIfPresent(exp.map { Int64($0) }, forKey: .exp)
            try container.encodeIfPresent(nbf.map { Int64($0) }, forKey: .nbf)
            try container.encodeIfPresent(iat.map { Int64($0) }, forKey: .iat)
        }
    }
}
