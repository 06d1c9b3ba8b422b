import Foundation
import Logging

// MARK: - Helpers a service uses for its own variables

extension Settings {
    /// Reads a whole number, e.g. `try settings.int("SHOUHU_OVERDUE_DAYS", default: 30, range: 1...365)`.
    ///
    /// - Returns: the value, or `default` when the variable is unset or empty.
    /// - Throws: ``SettingsError`` when the value is not a whole number or outside `range`.
    public func int(_ name: String, default defaultValue: Int, range: ClosedRange<Int>) throws(SettingsError) -> Int {
        try Self.int(name, default: defaultValue, range: range, in: environment)
    }

    /// Reads a string; `nil` (or `default`) when the variable is unset or empty.
    public func string(_ name: String, default defaultValue: String? = nil) -> String? {
        Self.string(name, default: defaultValue, in: environment)
    }

    /// Reads a switch: `true`/`false`, `1`/`0`, `yes`/`no` or `on`/`off`, in any case.
    ///
    /// - Throws: ``SettingsError`` for any other value.
    public func bool(_ name: String, default defaultValue: Bool) throws(SettingsError) -> Bool {
        try Self.bool(name, default: defaultValue, in: environment)
    }
}

// MARK: - The checks behind every setting

extension Settings {
    static func raw(_ name: String, in environment: [String: String]) -> String? {
        guard let value = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            return nil
        }
        return value
    }

    static func string(_ name: String, default defaultValue: String?, in environment: [String: String]) -> String? {
        raw(name, in: environment) ?? defaultValue
    }

    static func int(
        _ name: String,
        default defaultValue: Int,
        range: ClosedRange<Int>,
        in environment: [String: String]
    ) throws(SettingsError) -> Int {
        guard let text = raw(name, in: environment) else { return defaultValue }
        guard let value = Int(text) else {
            throw SettingsError(variable: name, reason: "\"\(text)\" is not a whole number (default \(defaultValue))")
        }
        guard range.contains(value) else {
            throw SettingsError(
                variable: name,
                reason: "\(value) is out of range: it must be between \(range.lowerBound) and \(range.upperBound)"
            )
        }
        return value
    }

    static func bool(_ name: String, default defaultValue: Bool, in environment: [String: String]) throws(SettingsError) -> Bool {
        guard let text = raw(name, in: environment) else { return defaultValue }
        switch text.lowercased() {
        case "true", "1", "yes", "on": return true
        case "false", "0", "no", "off": return false
        default:
            throw SettingsError(variable: name, reason: "\"\(text)\" is not a switch: use true or false")
        }
    }

    /// Parses a URL without echoing it back: broker and mail URLs carry passwords.
    static func url(
        _ name: String,
        default defaultValue: String?,
        schemes: Set<String>,
        example: String,
        in environment: [String: String]
    ) throws(SettingsError) -> URL? {
        guard let text = raw(name, in: environment) ?? defaultValue else { return nil }
        guard
            let components = URLComponents(string: text),
            let scheme = components.scheme?.lowercased(),
            schemes.contains(scheme),
            let host = components.host,
            !host.isEmpty,
            let url = components.url
        else {
            let allowed = schemes.sorted().map { "\($0)://" }.joined(separator: " or ")
            throw SettingsError(variable: name, reason: "not a valid URL: expected \(allowed)…, e.g. \(example)")
        }
        return url
    }

    static func host(_ name: String, default defaultValue: String, in environment: [String: String]) throws(SettingsError) -> String {
        let host = raw(name, in: environment) ?? defaultValue
        guard !host.contains(where: { $0.isWhitespace || $0 == "/" }) else {
            throw SettingsError(variable: name, reason: "\"\(host)\" is not a host name or address, e.g. 127.0.0.1 or 0.0.0.0")
        }
        return host
    }

    /// `SHOUHU_JWT_SECRET`, checked for length; the error never echoes it.
    public static func jwtSecret(in environment: [String: String]) throws(SettingsError) -> String {
        let name = Variable.jwtSecret
        let howTo = "make one with `openssl rand -hex 32` and export it to every service"
        guard let secret = raw(name, in: environment) else {
            throw SettingsError(variable: name, reason: "is not set: it signs and checks every token; \(howTo)")
        }
        // Never echo the secret itself: only its length.
        guard secret.utf8.count >= 32 else {
            throw SettingsError(
                variable: name,
                reason: "is \(secret.utf8.count) bytes; it must be at least 32 bytes for HS256; \(howTo)"
            )
        }
        return secret
    }

    /// `SHOUHU_COUNTY` (default 520330), checked to be six digits.
    public static func county(in environment: [String: String]) throws(SettingsError) -> String {
        let county = raw(Variable.county, in: environment) ?? "520330"
        guard county.utf8.count == 6, county.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            throw SettingsError(
                variable: Variable.county,
                reason: "\"\(county)\" is not a county code: expected the 6 digits of GB/T 2260, e.g. 520330"
            )
        }
        return county
    }

    static func logLevel(in environment: [String: String]) throws(SettingsError) -> Logger.Level {
        guard let text = raw(Variable.logLevel, in: environment) else { return .info }
        guard let level = Logger.Level(rawValue: text.lowercased()) else {
            let levels = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
            throw SettingsError(variable: Variable.logLevel, reason: "\"\(text)\" is not a log level: use one of \(levels)")
        }
        return level
    }
}
