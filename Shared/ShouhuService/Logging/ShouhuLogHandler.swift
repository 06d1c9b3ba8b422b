public import Foundation
public import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The swift-log handler every Shouhu service logs through: one line per record on stderr,
/// `2026-11-24T11:00:00.123Z info intake: message key=value …`, UTC, with resident ID numbers
/// masked by ``LogRedaction`` in the message, the metadata and the attached error.
///
/// One line per record, always: newlines inside a message are written as `\n`, so a log
/// collector never splits a record or takes the tail of one for a record of its own.
public struct ShouhuLogHandler: LogHandler {
    /// The logger's label, printed before the message; a service uses its own name.
    public let label: String
    /// Records below this level are dropped.
    public var logLevel: Logger.Level
    /// Metadata attached to every record of this logger.
    public var metadata: Logger.Metadata = [:]
    /// Metadata gathered at each record, e.g. from a task-local request id.
    public var metadataProvider: Logger.MetadataProvider?
    private let output: @Sendable (String) -> Void

    /// Makes a handler.
    ///
    /// - Parameters:
    ///   - label: printed before each message.
    ///   - level: the lowest level written.
    ///   - metadataProvider: extra metadata read at each record.
    ///   - output: where finished lines go (with their newline); stderr unless a test captures them.
    public init(
        label: String,
        level: Logger.Level = .info,
        metadataProvider: Logger.MetadataProvider? = nil,
        output: @escaping @Sendable (String) -> Void = ShouhuLogHandler.writeToStandardError
    ) {
        self.label = label
        self.logLevel = level
        self.metadataProvider = metadataProvider
        self.output = output
    }

    /// Reads or sets one metadata value of this logger.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Formats and writes one record.
    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() {
            merged.merge(provided) { _, new in new }
        }
        if let own = event.metadata {
            merged.merge(own) { _, new in new }
        }
        if let error = event.error {
            merged["error"] = .string(String(describing: error))
        }
        output(
            Self.format(
                date: Date(),
                level: event.level,
                label: label,
                message: event.message.description,
                metadata: merged
            )
        )
    }

    /// Builds the line for one record, newline included. Redaction happens here, so nothing
    /// reaches `output` unmasked.
    public static func format(
        date: Date,
        level: Logger.Level,
        label: String,
        message: String,
        metadata: Logger.Metadata
    ) -> String {
        var line = timestampStyle.format(date)
        line += " \(level.rawValue) \(label): "
        line += escape(LogRedaction.redact(message))
        for key in metadata.keys.sorted() {
            let value = LogRedaction.redact(metadata[key]!)
            line += " \(key)=\(quoteIfNeeded(escape(value.description)))"
        }
        line += "\n"
        return line
    }

    /// Writes `line` to stderr with one `write(2)`, so lines from concurrent tasks never
    /// interleave mid-line (stdio's buffered `stderr` is also not reachable from Swift 6 code
    /// without an unsafe global).
    public static let writeToStandardError: @Sendable (String) -> Void = { line in
        var line = line
        line.withUTF8 { buffer in
            var remaining = UnsafeRawBufferPointer(buffer)
            while !remaining.isEmpty {
                let written = write(STDERR_FILENO, remaining.baseAddress, remaining.count)
                guard written > 0 else {
                    if written < 0 && errno == EINTR { continue }
                    return
                }
                remaining = UnsafeRawBufferPointer(rebasing: remaining[written...])
            }
        }
    }

    private static let timestampStyle = Date.ISO8601FormatStyle(
        includingFractionalSeconds: true,
        timeZone: TimeZone(secondsFromGMT: 0)!
    )

    private static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "\n" || $0 == "\r" }) else { return text }
        return text.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
    }

    private static func quoteIfNeeded(_ value: String) -> String {
        guard value.isEmpty || value.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "=" }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
