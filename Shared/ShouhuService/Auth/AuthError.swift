/// Why a token was refused. Each case has a stable snake_case ``code`` and a ``message`` that
/// tells the caller what to do; the HTTP layer turns them into 401, except ``wrongCounty``.
///
/// ``wrongCounty`` answers 403: the token is genuine and unexpired, so the caller *is* who they
/// say (401 would invite them to log in again, which cannot help); they are just not allowed in
/// this county's deployment.
public enum AuthError: Error, Sendable, Equatable {
    /// No `Authorization: Bearer …` header.
    case missing
    /// Not three base64url parts, or a header or claims that are not the JSON expected.
    case malformed(String)
    /// The header names an algorithm other than HS256 (including `none`).
    case unsupportedAlgorithm(String)
    /// The signature does not match: wrong secret or a changed token.
    case badSignature
    /// `exp` has passed (beyond the leeway).
    case expired
    /// `nbf` or `iat` lies in the future (beyond the leeway).
    case notYetValid
    /// The `role` claim is not one of ``Role``.
    case unknownRole(String)
    /// The `county` claim is not this deployment's county.
    case wrongCounty(String)

    /// A stable snake_case code for the error JSON.
    public var code: String {
        switch self {
        case .missing: "missing_token"
        case .malformed: "malformed_token"
        case .unsupportedAlgorithm: "unsupported_algorithm"
        case .badSignature: "bad_signature"
        case .expired: "token_expired"
        case .notYetValid: "token_not_yet_valid"
        case .unknownRole: "unknown_role"
        case .wrongCounty: "wrong_county"
        }
    }

    /// A sentence for the caller. It never repeats the token.
    public var message: String {
        switch self {
        case .missing:
            "This route needs a token: send `Authorization: Bearer <token>`."
        case .malformed(let why):
            "The token is malformed: \(why)."
        case .unsupportedAlgorithm(let algorithm):
            "The token is signed with `\(algorithm)`; only HS256 is accepted."
        case .badSignature:
            "The token's signature does not match; it was signed with another secret or altered."
        case .expired:
            "The token has expired; get a new one."
        case .notYetValid:
            "The token is not valid yet; check the issuer's clock."
        case .unknownRole(let role):
            "The token's role `\(role)` is not one of: \(Role.allCases.map(\.rawValue).joined(separator: ", "))."
        case .wrongCounty(let county):
            "The token is for county \(county), not the county this service serves."
        }
    }

    /// Whether the caller is proven but not admitted (403) rather than unproven (401).
    public var isForbidden: Bool {
        if case .wrongCounty = self { return true }
        return false
    }
}
