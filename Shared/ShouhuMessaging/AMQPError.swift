import CRabbitMQ

/// A failure talking to the broker. Every one of them ends the connection it happened on: the
/// owner destroys it, reconnects with backoff and resends what was not confirmed.
public enum AMQPError: Error, Sendable, CustomStringConvertible {
    /// TCP or TLS connect failed (broker down, refused, name not resolved, certificate refused).
    case connectFailed(String)
    /// The broker refused the login (wrong user or password, vhost missing or not allowed).
    case loginFailed(String)
    /// The broker closed the channel (for example a queue declared with other arguments).
    case channelClosed(code: Int, text: String)
    /// The broker closed the connection (shutdown, forced close, resource alarm).
    case connectionClosed(code: Int, text: String)
    /// rabbitmq-c reported a library error (socket closed, heartbeat timeout, bad frame).
    case library(status: Int32, text: String, during: String)
    /// No answer in time (publisher confirms, an RPC).
    case timeout(String)
    /// The broker cancelled our consumer (its queue was deleted).
    case consumerCancelled(String)

    public var description: String {
        switch self {
        case .connectFailed(let s): return "connect failed: \(s)"
        case .loginFailed(let s): return "login failed: \(s)"
        case .channelClosed(let code, let text): return "channel closed by broker: \(code) \(text)"
        case .connectionClosed(let code, let text): return "connection closed by broker: \(code) \(text)"
        case .library(let status, let text, let during): return "\(during): \(text) (\(status))"
        case .timeout(let s): return "timed out: \(s)"
        case .consumerCancelled(let s): return "consumer cancelled by broker: \(s)"
        }
    }

    /// The error rabbitmq-c's status code stands for.
    static func library(_ status: Int32, during: String) -> AMQPError {
        .library(status: status, text: String(cString: amqp_error_string2(status)), during: during)
    }

    /// Turns an RPC reply into an error, or nil when it was normal.
    static func from(reply: amqp_rpc_reply_t, during: String) -> AMQPError? {
        switch reply.reply_type {
        case AMQP_RESPONSE_NORMAL:
            return nil
        case AMQP_RESPONSE_NONE:
            return .library(status: -1, text: "missing RPC reply", during: during)
        case AMQP_RESPONSE_LIBRARY_EXCEPTION:
            return .library(reply.library_error, during: during)
        case AMQP_RESPONSE_SERVER_EXCEPTION:
            switch reply.reply.id {
            case AMQP_CONNECTION_CLOSE_METHOD:
                let close = reply.reply.decoded.assumingMemoryBound(to: amqp_connection_close_t.self).pointee
                return .connectionClosed(code: Int(close.reply_code), text: close.reply_text.string)
            case AMQP_CHANNEL_CLOSE_METHOD:
                let close = reply.reply.decoded.assumingMemoryBound(to: amqp_channel_close_t.self).pointee
                return .channelClosed(code: Int(close.reply_code), text: close.reply_text.string)
            default:
                return .library(status: -1, text: "unexpected server method \(reply.reply.id)", during: during)
            }
        default:
            return .library(status: -1, text: "unknown reply type", during: during)
        }
    }
}

extension amqp_bytes_t {
    /// The bytes as a String (UTF-8, lossy), copied out of rabbitmq-c's buffers.
    var string: String {
        guard len > 0, let bytes else { return "" }
        let buffer = UnsafeRawBufferPointer(start: bytes, count: len)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// The bytes copied into an array that outlives rabbitmq-c's buffers.
    var array: [UInt8] {
        guard len > 0, let bytes else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: len))
    }
}
