public import Logging
import ShouhuEvents

/// Masks Chinese resident ID numbers (居民身份证号码) wherever they turn up in a log line.
///
/// The ID number must never reach a log file: a handler can log a request body or an error
/// that quotes one by mistake. The rule of what looks like one, and how it is masked, is
/// `SensitiveText`'s (first 6 and last 4 kept); this type applies it to messages and to every
/// metadata value.
public enum LogRedaction {
    /// Returns `text` with every ID-number-shaped run masked.
    public static func redact(_ text: String) -> String {
        SensitiveText.masked(text)
    }

    /// Masks a metadata value, looking inside dictionaries and arrays. A `stringConvertible`
    /// value is rendered first, since its description may quote an ID number too.
    public static func redact(_ value: Logger.MetadataValue) -> Logger.MetadataValue {
        switch value {
        case .string(let text):
            .string(redact(text))
        case .stringConvertible(let convertible):
            .string(redact(convertible.description))
        case .dictionary(let dictionary):
            .dictionary(redact(dictionary))
        case .array(let array):
            .array(array.map(redact))
        }
    }

    /// Masks every value of `metadata`; keys are names chosen in code and stay as they are.
    public static func redact(_ metadata: Logger.Metadata) -> Logger.Metadata {
        metadata.mapValues(redact)
    }
}
