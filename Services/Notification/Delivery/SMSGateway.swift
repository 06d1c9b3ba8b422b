import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The county's SMS gateway (`SHOUHU_SMS_URL`): one JSON POST per message,
/// `{"to": "13800000000", "text": "…", "reference": "<delivery id>"}`, with the delivery id as
/// the `Idempotency-Key` header, so a message resent after a crash is sent once. The answer is
/// read: 2xx with `{"status": "rejected", "error": "…"}` or a 4xx (other than 408 and 429)
/// means the gateway refuses this message for good; 5xx, 408, 429 and network errors are tried
/// again. A 2xx answer's `id` (or `messageId`) is kept as the gateway's reference.
struct SMSGateway: Sendable {
    let url: URL
    let timeout: TimeInterval

    init(url: URL, timeout: TimeInterval = 10) {
        self.url = url
        self.timeout = timeout
    }

    private struct Body: Encodable {
        var to: String
        var text: String
        var reference: String
    }

    private struct Answer: Decodable {
        var id: String?
        var messageId: String?
        var status: String?
        var error: String?
    }

    func send(to phone: String, text: String, idempotencyKey: String) async -> SendOutcome {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        request.setValue(idempotencyKey, forHTTPHeaderField: "Idempotency-Key")
        request.httpBody = try? JSONEncoder().encode(Body(to: phone, text: text, reference: idempotencyKey))
        let result: (Data, URLResponse)
        do {
            result = try await Self.fetch(request)
        } catch {
            return .temporary("gateway unreachable: \(error.localizedDescription)")
        }
        guard let response = result.1 as? HTTPURLResponse else { return .temporary("not an HTTP answer") }
        let answer = try? JSONDecoder().decode(Answer.self, from: result.0)
        let detail = answer?.error ?? String(decoding: result.0.prefix(200), as: UTF8.self)
        switch response.statusCode {
        case 200..<300:
            if answer?.status?.lowercased() == "rejected" { return .permanent("gateway rejected: \(detail)") }
            return .sent(reference: answer?.id ?? answer?.messageId)
        case 408, 429, 500...:
            return .temporary("gateway answered \(response.statusCode): \(detail)")
        default:
            return .permanent("gateway refused with \(response.statusCode): \(detail)")
        }
    }

    /// One request; cancelling the task cancels it (the outcome is then unknown to us, and the
    /// delivery stays claimed for the next start to retry under the same key).
    private static func fetch(_ request: URLRequest) async throws -> (Data, URLResponse) {
        let box = TaskBox()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let task = URLSession.shared.dataTask(with: request) { data, response, error in
                    if let error { continuation.resume(throwing: error) } else if let response {
                        continuation.resume(returning: (data ?? Data(), response))
                    } else {
                        continuation.resume(throwing: URLError(.badServerResponse))
                    }
                }
                box.set(task)
                task.resume()
            }
        } onCancel: {
            box.cancel()
        }
    }
}

/// Holds the running URL task so a cancellation from another thread can stop it.
private final class TaskBox: @unchecked Sendable {
    // @unchecked: `task` and `cancelled` are only touched under `lock`.
    private let lock = NSLock()
    private var task: URLSessionDataTask?
    private var cancelled = false

    func set(_ task: URLSessionDataTask) {
        lock.lock()
        self.task = task
        let stop = cancelled
        lock.unlock()
        if stop { task.cancel() }
    }

    func cancel() {
        lock.lock()
        cancelled = true
        let task = self.task
        lock.unlock()
        task?.cancel()
    }
}
