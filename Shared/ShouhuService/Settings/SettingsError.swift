/// A setting that is missing or malformed. It always names the environment variable, so the
/// person starting a service can fix it without reading the source.
public struct SettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The environment variable at fault, e.g. `SHOUHU_COUNTY`.
    public let variable: String
    /// What is wrong with it and, where useful, how to put it right.
    public let reason: String

    /// Makes an error for `variable`; `reason` should read on after "VARIABLE: ".
    public init(variable: String, reason: String) {
        self.variable = variable
        self.reason = reason
    }

    /// The one-line form printed when a service refuses to start.
    public var description: String {
        "\(variable): \(reason)"
    }
}
