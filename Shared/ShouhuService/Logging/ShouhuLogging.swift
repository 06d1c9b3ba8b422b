public import Logging

/// Installs ``ShouhuLogHandler`` as the process's swift-log backend.
///
/// swift-log allows `LoggingSystem.bootstrap` once per process and traps on a second call;
/// tests and a service's `main` both want to call this, so the real bootstrap runs once and
/// later calls only change the level.
public enum ShouhuLogging {
    private static let level = Locked<Logger.Level>(.info)

    private static let installOnce: Void = {
        LoggingSystem.bootstrap { label in
            ShouhuLogHandler(label: label, level: level.current)
        }
    }()

    /// Sends every logger to stderr through ``ShouhuLogHandler`` at `level`.
    ///
    /// Safe to call more than once: a later call sets the level for loggers made after it;
    /// loggers already made keep theirs (swift-log copies the level into each logger).
    public static func bootstrap(level: Logger.Level) {
        Self.level.withLock { $0 = level }
        _ = installOnce
    }

    /// The level new loggers start at.
    public static var currentLevel: Logger.Level {
        level.current
    }
}
