public import ArgumentParser
public import Foundation

/// `mint-token --role R --subject S [--county 520330] [--scope X] [--ttl-hours 12]`: prints a
/// token signed with `SHOUHU_JWT_SECRET` and nothing else, so a script can write
/// `TOKEN=$(… mint-token --role county_officer --subject ops)`.
///
/// There is no login service in this system: tokens come from the county's identity provider,
/// or from this command for local runs, scripts and tests. Put it in an executable with
/// `MintTokenCommand.main()` or as a subcommand.
public struct MintTokenCommand: ParsableCommand {
    /// The command's name and help.
    public static let configuration = CommandConfiguration(
        commandName: "mint-token",
        abstract: "Print a signed Shouhu token (HS256, secret from SHOUHU_JWT_SECRET)."
    )

    /// The `role` claim.
    @Option(help: "The caller's role: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
    public var role: Role

    /// The `sub` claim.
    @Option(help: "The caller's id, the token's subject.")
    public var subject: String

    /// The `county` claim; `SHOUHU_COUNTY` or 520330 when not given.
    @Option(help: "The six-digit county code (default: SHOUHU_COUNTY, else 520330).")
    public var county: String?

    /// The optional `scope` claim.
    @Option(help: "A school id or division code narrowing what the caller sees.")
    public var scope: String?

    /// How long the token lasts.
    @Option(help: "Hours until the token expires.")
    public var ttlHours: Int = 12

    /// Required by ArgumentParser.
    public init() {}

    /// Refuses an empty subject or a lifetime outside one hour to one year.
    public func validate() throws {
        guard !subject.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("--subject must not be empty.")
        }
        guard (1...8_760).contains(ttlHours) else {
            throw ValidationError("--ttl-hours must be between 1 and 8760 (a year).")
        }
    }

    /// Prints the token on stdout, alone on its line.
    public func run() throws {
        print(try token(environment: ProcessInfo.processInfo.environment, now: Date()))
    }

    /// The token this command prints, for a given environment and clock.
    ///
    /// - Throws: ``SettingsError`` when `SHOUHU_JWT_SECRET` is missing or short, or when the
    ///   county is not six digits.
    public func token(environment: [String: String], now: Date) throws -> String {
        let secret = try Settings.jwtSecret(in: environment)
        var countyEnvironment = environment
        if let county {
            countyEnvironment[Settings.Variable.county] = county
        }
        let county = try Settings.county(in: countyEnvironment)
        let caller = Caller(subject: subject, role: role, county: county, scope: scope)
        let expiry = now.addingTimeInterval(TimeInterval(ttlHours) * 3_600)
        return JWTCodec(secret: secret).sign(caller, expiresAt: expiry, issuedAt: now)
    }
}
