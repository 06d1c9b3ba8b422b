import Foundation

/// A real SMTP server on loopback for the tests: Python's `smtpd` module (Python 3.11, Debian
/// bookworm), or Debian's `python3-aiosmtpd` where Python no longer has it (3.12 on), started by
/// the test, writing each message it receives to a folder the test then reads.
public final class LoopbackSMTPServer: @unchecked Sendable {
    // @unchecked: set once in init, then only read; the process handle is used from one test.
    let process: Process
    let folder: URL
    public let port: Int

    /// One message as received.
    public struct Mail: Sendable {
        public var from: String
        public var to: [String]
        public var raw: String

        /// A header's value.
        public func header(_ name: String) -> String? {
            raw.components(separatedBy: "\r\n\r\n").first?.components(separatedBy: "\r\n")
                .first { $0.lowercased().hasPrefix(name.lowercased() + ":") }
                .map { String($0.dropFirst(name.count + 1)).trimmingCharacters(in: .whitespaces) }
        }

        /// The body, decoded from base64.
        public var text: String {
            let parts = raw.components(separatedBy: "\r\n\r\n")
            let body = parts.dropFirst().joined(separator: "\r\n\r\n").replacingOccurrences(of: "\r\n", with: "")
            return Data(base64Encoded: body).map { String(decoding: $0, as: UTF8.self) } ?? body
        }

        /// The subject, decoded from its RFC 2047 encoded word.
        public var subject: String {
            guard let value = header("Subject"), value.hasPrefix("=?UTF-8?B?"), value.hasSuffix("?=") else { return header("Subject") ?? "" }
            let base64 = String(value.dropFirst(10).dropLast(2))
            return Data(base64Encoded: base64).map { String(decoding: $0, as: UTF8.self) } ?? value
        }
    }

    private static let script = #"""
import json, os, signal, sys, warnings
warnings.filterwarnings("ignore")
# The test process's threads block most signals (libdispatch reads them through signalfd) and
# a spawned child inherits that mask: unblock them so a stop is obeyed.
signal.pthread_sigmask(signal.SIG_SETMASK, [])
folder = sys.argv[1]
count = 0
def keep(mailfrom, rcpttos, data):
    global count
    count += 1
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    path = os.path.join(folder, "%06d.json" % count)
    with open(path + ".tmp", "w") as f:
        json.dump({"from": mailfrom, "to": rcpttos, "raw": text.replace("\n", "\r\n").replace("\r\r\n", "\r\n")}, f)
    os.rename(path + ".tmp", path)
try:
    import asyncore, smtpd  # Python 3.11 and older
    class Sink(smtpd.SMTPServer):
        def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
            keep(mailfrom, rcpttos, data)
    server = Sink(("127.0.0.1", 0), None, decode_data=False)
    print(server.socket.getsockname()[1], flush=True)
    asyncore.loop()
except ImportError:
    import socket, threading  # Python 3.12 dropped smtpd: Debian's python3-aiosmtpd instead
    from aiosmtpd.controller import Controller
    class Handler:
        async def handle_DATA(self, server, session, envelope):
            keep(envelope.mail_from, envelope.rcpt_tos, envelope.original_content or envelope.content)
            return "250 OK"
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    print(port, flush=True)
    threading.Event().wait()
"""#

    public init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("shouhu-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.script, folder.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            kill(process.processIdentifier, SIGKILL)
            throw SMTPServerError(description: "the SMTP server did not start (is python3 with smtpd or aiosmtpd installed?)")
        }
        self.port = port
    }

    struct SMTPServerError: Error, CustomStringConvertible {
        var description: String
    }

    public var url: String { "smtp://127.0.0.1:\(port)" }

    /// Every message received so far, in order.
    public func received() -> [Mail] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        return names.compactMap { name in
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
            return Mail(from: object["from"] as? String ?? "", to: object["to"] as? [String] ?? [], raw: object["raw"] as? String ?? "")
        }
    }

    /// Stops the server. SIGKILL, because the child may have inherited a mask that blocks
    /// SIGTERM (see the script), and a SIGTERM it never obeys made `waitUntilExit` wait forever.
    public func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }
}
