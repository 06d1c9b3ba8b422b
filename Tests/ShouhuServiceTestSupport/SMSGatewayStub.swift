import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// A small HTTP server standing in for the county's SMS gateway, on loopback in the test
/// process. It delivers each idempotency key once (a repeat is answered with the same message id
/// and not delivered again), and can be told to fail, to lose its answers after delivering, to
/// hang, or be stopped and started again on the same port.
public final class SMSGatewayStub: @unchecked Sendable {
    // @unchecked: every mutable field is only touched under `lock`.
    /// How the stand-in answers: accept; fail with 503; deliver and then lose the answer (500);
    /// take the message and never answer while the mode lasts.
    public enum Mode: Sendable { case accept, fail, deliverThenFail, hang }

    /// One message the gateway delivered.
    public struct Message: Sendable {
        public var key: String
        public var to: String
        public var text: String
    }

    private let lock = NSLock()
    private var mode: Mode = .accept
    private var delivered: [Message] = []
    private var attemptsByKey: [String: Int] = [:]
    private var requestsWithoutKey = 0
    private var server: (group: ServiceGroup, task: Task<Void, Never>)?
    public private(set) var port = 0

    public init() {}

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    public var url: String { "http://127.0.0.1:\(port)/send" }
    public var messages: [Message] { locked { delivered } }
    public var attempts: [String: Int] { locked { attemptsByKey } }
    public var missingKeys: Int { locked { requestsWithoutKey } }
    public func set(_ mode: Mode) { locked { self.mode = mode } }

    private struct Body: Decodable {
        var to: String
        var text: String
        var reference: String?
    }

    private func handle(key: String?, body: Body) -> (HTTPResponse.Status, String) {
        locked {
            guard let key else {
                requestsWithoutKey += 1
                return (.badRequest, #"{"status":"rejected","error":"no Idempotency-Key"}"#)
            }
            attemptsByKey[key, default: 0] += 1
            if mode == .fail { return (.serviceUnavailable, #"{"error":"down for maintenance"}"#) }
            if !delivered.contains(where: { $0.key == key }) {
                delivered.append(Message(key: key, to: body.to, text: body.text))
            }
            if mode == .deliverThenFail { return (.internalServerError, #"{"error":"answer lost"}"#) }
            return (.ok, #"{"id":"gw-\#(key)","status":"accepted"}"#)
        }
    }

    private var isHanging: Bool { locked { mode == .hang } }

    /// Starts (or restarts) the server; the first start picks a free port, later ones reuse it.
    public func start() async throws {
        let router = Router()
        router.post("/send") { request, context -> Response in
            let key = request.headers.first { $0.name.canonicalName == "idempotency-key" }?.value
            let body = try await request.decode(as: Body.self, context: context)
            if self.isHanging {
                // Take the message, then never answer while the mode lasts.
                _ = self.handle(key: key, body: body)
                while self.isHanging { try await Task.sleep(nanoseconds: 50_000_000) }
                return Response(status: .serviceUnavailable, headers: [.connection: "close"])
            }
            let (status, json) = self.handle(key: key, body: body)
            // No keep-alive: a stopped gateway then refuses every request at once.
            return Response(status: status, headers: [.contentType: "application/json", .connection: "close"],
                            body: .init(byteBuffer: ByteBuffer(string: json)))
        }
        let ready = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "sms-gateway-stub")
        logger.logLevel = .error
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)),
                              onServerRunning: { channel in ready.continuation.yield(channel.localAddress?.port ?? 0) },
                              logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let task = Task { _ = try? await group.run() }
        locked { server = (group, task) }
        var iterator = ready.stream.makeAsyncIterator()
        port = await iterator.next() ?? 0
    }

    /// Stops the server: connections are refused until `start()` again.
    public func stop() async {
        let running = locked { () -> (group: ServiceGroup, task: Task<Void, Never>)? in
            defer { server = nil }
            if mode == .hang { mode = .fail }
            return server
        }
        guard let running else { return }
        // A graceful shutdown closes the listener, lets the request in hand finish (every answer
        // says `Connection: close`) and closes idle connections. Cancelling the server while a
        // response is being written kills the whole test process (NIO: "Deinited NIOAsyncWriter
        // without calling finish()"), so the task is cancelled only if the graceful shutdown
        // has not ended after a few seconds.
        await running.group.triggerGracefulShutdown()
        let ended = await withTaskGroup(of: Bool.self) { group in
            group.addTask { await running.task.value; return true }
            group.addTask { try? await Task.sleep(nanoseconds: 5_000_000_000); return false }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        if !ended { running.task.cancel() }
    }
}
