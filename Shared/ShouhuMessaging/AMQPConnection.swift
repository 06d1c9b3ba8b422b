import CRabbitMQ
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// One AMQP connection with one working channel, over rabbitmq-c.
///
/// Not thread-safe and not `Sendable`: rabbitmq-c's connection state belongs to one thread at a
/// time, so each publisher and consumer owns its own `AMQPConnection` on its own thread. Any
/// error leaves the connection unusable; the owner drops it (which destroys it) and makes a new
/// one. Channel 1 carries the work; channel 2 is for side queries (queue depth) so that their
/// replies never interleave with deliveries.
final class AMQPConnection {
    private let state: amqp_connection_state_t
    private var open = false
    let endpoint: BrokerEndpoint
    static let workChannel: amqp_channel_t = 1
    /// How long a send or a synchronous method may take before the connection counts as broken.
    static let sendTimeout: TimeInterval = 30
    static let queryChannel: amqp_channel_t = 2

    /// Connects, logs in and opens the work channel.
    init(endpoint: BrokerEndpoint, connectionName: String) throws(AMQPError) {
        self.endpoint = endpoint
        guard let state = amqp_new_connection() else { throw .connectFailed("out of memory") }
        self.state = state
        // If this throws, deinit still runs (every stored property is set) and destroys the state.
        try connect(connectionName: connectionName)
    }

    deinit {
        if open {
            // Best effort: tell the broker we are going so it requeues at once rather than after
            // a heartbeat timeout. Errors do not matter here.
            _ = amqp_connection_close(state, Int32(AMQP_REPLY_SUCCESS))
        }
        amqp_destroy_connection(state)
    }

    private func connect(connectionName: String) throws(AMQPError) {
        let socket: OpaquePointer?
        if endpoint.useTLS {
            socket = amqp_ssl_socket_new(state)
            guard let socket else { throw .connectFailed("cannot create a TLS socket") }
            amqp_ssl_socket_set_verify_peer(socket, 1)
            amqp_ssl_socket_set_verify_hostname(socket, 1)
            let versions = amqp_ssl_socket_set_ssl_versions(socket, AMQP_TLSv1_2, AMQP_TLSvLATEST)
            guard versions == AMQP_STATUS_OK.rawValue else { throw .library(versions, during: "TLS versions") }
            if let ca = endpoint.caCertificatePath {
                let status = amqp_ssl_socket_set_cacert(socket, ca)
                guard status == AMQP_STATUS_OK.rawValue else {
                    throw .connectFailed("cannot read CA file \(ca): \(String(cString: amqp_error_string2(status)))")
                }
            }
            if let cert = endpoint.clientCertificatePath, let key = endpoint.clientKeyPath {
                let status = amqp_ssl_socket_set_key(socket, cert, key)
                guard status == AMQP_STATUS_OK.rawValue else {
                    throw .connectFailed("cannot read client certificate or key: \(String(cString: amqp_error_string2(status)))")
                }
            }
        } else {
            socket = amqp_tcp_socket_new(state)
            guard socket != nil else { throw .connectFailed("cannot create a TCP socket") }
        }
        var timeout = timeval(seconds: endpoint.connectTimeout)
        let status = amqp_socket_open_noblock(socket, endpoint.host, Int32(endpoint.port), &timeout)
        guard status == AMQP_STATUS_OK.rawValue else {
            throw .connectFailed("\(endpoint): \(String(cString: amqp_error_string2(status)))")
        }
        let reply = AMQPTableBuilder.with([
            ("connection_name", .string(connectionName)),
            ("product", .string("shouhu")),
        ]) { properties in
            withUnsafePointer(to: properties) { props in
                shouhu_amqp_login_named(
                    state, endpoint.virtualHost, 0, Int32(AMQP_DEFAULT_FRAME_SIZE),
                    Int32(endpoint.heartbeatSeconds), props, endpoint.user, endpoint.password)
            }
        }
        if let error = AMQPError.from(reply: reply, during: "login") {
            throw .loginFailed("\(endpoint): \(error)")
        }
        open = true
        // A broker under a memory or disk alarm stops reading from publishers; without a send
        // timeout a full socket would block a publish (and the thread) for ever.
        var sendTimeout = timeval(seconds: Self.sendTimeout)
        _ = setsockopt(amqp_get_sockfd(state), SOL_SOCKET, SO_SNDTIMEO, &sendTimeout, socklen_t(MemoryLayout<timeval>.size))
        var rpcTimeout = timeval(seconds: Self.sendTimeout)
        _ = amqp_set_rpc_timeout(state, &rpcTimeout)
        try openChannel(Self.workChannel)
        try openChannel(Self.queryChannel)
    }

    private func openChannel(_ channel: amqp_channel_t) throws(AMQPError) {
        amqp_channel_open(state, channel)
        try check("channel.open")
    }

    private func check(_ during: String) throws(AMQPError) {
        if let error = AMQPError.from(reply: amqp_get_rpc_reply(state), during: during) { throw error }
    }

    // MARK: - Topology

    func declareExchange(_ name: String, type: String, durable: Bool = true) throws(AMQPError) {
        name.withAMQPBytes { n in
            type.withAMQPBytes { t in
                _ = amqp_exchange_declare(state, Self.workChannel, n, t, 0, durable ? 1 : 0, 0, 0, amqp_empty_table)
            }
        }
        try check("exchange.declare \(name)")
    }

    /// Declares a durable queue (or, with `passive`, only asks for its counts).
    @discardableResult
    func declareQueue(_ name: String, arguments: [(String, AMQPFieldValue)] = [], passive: Bool = false,
                      channel: amqp_channel_t = workChannel) throws(AMQPError) -> (messages: Int, consumers: Int) {
        let ok: UnsafeMutablePointer<amqp_queue_declare_ok_t>? = name.withAMQPBytes { n in
            AMQPTableBuilder.with(arguments) { args in
                amqp_queue_declare(state, channel, n, passive ? 1 : 0, 1, 0, 0, args)
            }
        }
        try check("queue.declare \(name)")
        guard let ok else { return (0, 0) }
        return (Int(ok.pointee.message_count), Int(ok.pointee.consumer_count))
    }

    func bindQueue(_ queue: String, exchange: String, routingKey: String) throws(AMQPError) {
        queue.withAMQPBytes { q in
            exchange.withAMQPBytes { e in
                routingKey.withAMQPBytes { k in
                    _ = amqp_queue_bind(state, Self.workChannel, q, e, k, amqp_empty_table)
                }
            }
        }
        try check("queue.bind \(queue) ← \(routingKey)")
    }

    /// Deletes a queue; used by tests to clean up after themselves.
    func deleteQueue(_ name: String) throws(AMQPError) {
        name.withAMQPBytes { n in _ = amqp_queue_delete(state, Self.workChannel, n, 0, 0) }
        try check("queue.delete \(name)")
    }

    /// Deletes an exchange; used by tests to clean up after themselves.
    func deleteExchange(_ name: String) throws(AMQPError) {
        name.withAMQPBytes { n in _ = amqp_exchange_delete(state, Self.workChannel, n, 0) }
        try check("exchange.delete \(name)")
    }

    /// Messages ready in a queue, asked on the query channel.
    func queueDepth(_ name: String) throws(AMQPError) -> Int {
        try declareQueue(name, passive: true, channel: Self.queryChannel).messages
    }

    // MARK: - Publishing

    /// Puts the work channel in confirm mode: from now on every publish gets a delivery tag
    /// 1, 2, 3, … and the broker answers each with basic.ack or basic.nack.
    func enableConfirms() throws(AMQPError) {
        amqp_confirm_select(state, Self.workChannel)
        try check("confirm.select")
    }

    /// Sends one persistent message. Returns once the frames are written to the socket; the
    /// confirm comes later through `waitFrame`.
    func publish(exchange: String, _ message: OutgoingMessage) throws(AMQPError) {
        var properties = amqp_basic_properties_t()
        properties._flags = amqp_flags_t(
            AMQP_BASIC_CONTENT_TYPE_FLAG | AMQP_BASIC_DELIVERY_MODE_FLAG | AMQP_BASIC_MESSAGE_ID_FLAG
                | AMQP_BASIC_TYPE_FLAG | AMQP_BASIC_TIMESTAMP_FLAG | AMQP_BASIC_APP_ID_FLAG)
        properties.delivery_mode = UInt8(AMQP_DELIVERY_PERSISTENT.rawValue)
        properties.timestamp = UInt64(max(0, message.timestamp.timeIntervalSince1970))
        let status: Int32 = exchange.withAMQPBytes { ex in
            message.routingKey.withAMQPBytes { key in
                message.contentType.withAMQPBytes { ct in
                    message.messageId.withAMQPBytes { id in
                        message.routingKey.withAMQPBytes { type in
                            message.appId.withAMQPBytes { app in
                                properties.content_type = ct
                                properties.message_id = id
                                properties.type = type
                                properties.app_id = app
                                return message.body.withUnsafeBytes { raw in
                                    let body = amqp_bytes_t(len: raw.count, bytes: UnsafeMutableRawPointer(mutating: raw.baseAddress))
                                    return amqp_basic_publish(state, Self.workChannel, ex, key, 0, 0, &properties, body)
                                }
                            }
                        }
                    }
                }
            }
        }
        guard status == AMQP_STATUS_OK.rawValue else { throw .library(status, during: "basic.publish") }
    }

    /// What arrived on the connection while waiting.
    enum Incoming {
        case ack(tag: UInt64, multiple: Bool)
        case nack(tag: UInt64, multiple: Bool)
        /// Anything else on the work channel that needs no action (a header or body of a
        /// returned message, a method we do not use).
        case other
    }

    /// Waits up to `timeout` for the next frame; nil when none came. Heartbeats are sent and
    /// checked inside this call, so an idle owner must call it more often than half the
    /// heartbeat interval.
    func waitFrame(timeout: TimeInterval) throws(AMQPError) -> Incoming? {
        // Frames on a channel live in that channel's pool until released; without this a
        // publisher that stays connected for days would keep every confirm it ever received.
        // Safe: `Incoming` copies what it needs, and the library skips a channel with queued frames.
        amqp_maybe_release_buffers_on_channel(state, Self.workChannel)
        var frame = amqp_frame_t()
        var tv = timeval(seconds: timeout)
        let status = amqp_simple_wait_frame_noblock(state, &frame, &tv)
        if status == AMQP_STATUS_TIMEOUT.rawValue { return nil }
        guard status == AMQP_STATUS_OK.rawValue else { throw .library(status, during: "waiting for a frame") }
        return try interpret(frame)
    }

    private func interpret(_ frame: amqp_frame_t) throws(AMQPError) -> Incoming {
        guard frame.frame_type == UInt8(AMQP_FRAME_METHOD) else { return .other }
        let method = frame.payload.method
        switch method.id {
        case AMQP_BASIC_ACK_METHOD:
            let ack = method.decoded.assumingMemoryBound(to: amqp_basic_ack_t.self).pointee
            return .ack(tag: ack.delivery_tag, multiple: ack.multiple != 0)
        case AMQP_BASIC_NACK_METHOD:
            let nack = method.decoded.assumingMemoryBound(to: amqp_basic_nack_t.self).pointee
            return .nack(tag: nack.delivery_tag, multiple: nack.multiple != 0)
        case AMQP_CHANNEL_CLOSE_METHOD:
            let close = method.decoded.assumingMemoryBound(to: amqp_channel_close_t.self).pointee
            throw .channelClosed(code: Int(close.reply_code), text: close.reply_text.string)
        case AMQP_CONNECTION_CLOSE_METHOD:
            let close = method.decoded.assumingMemoryBound(to: amqp_connection_close_t.self).pointee
            var ok = amqp_connection_close_ok_t()
            _ = amqp_send_method(state, 0, AMQP_CONNECTION_CLOSE_OK_METHOD, &ok)
            open = false
            throw .connectionClosed(code: Int(close.reply_code), text: close.reply_text.string)
        case AMQP_BASIC_CANCEL_METHOD:
            throw .consumerCancelled("basic.cancel")
        default:
            return .other
        }
    }

    // MARK: - Consuming

    func setPrefetch(_ count: Int) throws(AMQPError) {
        amqp_basic_qos(state, Self.workChannel, 0, UInt16(clamping: count), 0)
        try check("basic.qos")
    }

    func startConsuming(queue: String, consumerTag: String) throws(AMQPError) {
        queue.withAMQPBytes { q in
            consumerTag.withAMQPBytes { tag in
                _ = amqp_basic_consume(state, Self.workChannel, q, tag, 0, 0, 0, amqp_empty_table)
            }
        }
        try check("basic.consume \(queue)")
    }

    /// Waits up to `timeout` for the next delivery; nil when none came. A zero timeout only
    /// takes what has already arrived.
    func nextDelivery(timeout: TimeInterval) throws(AMQPError) -> Delivery? {
        amqp_maybe_release_buffers(state)
        var envelope = amqp_envelope_t()
        var tv = timeval(seconds: timeout)
        let reply = amqp_consume_message(state, &envelope, &tv, 0)
        if reply.reply_type == AMQP_RESPONSE_NORMAL {
            defer { amqp_destroy_envelope(&envelope) }
            let props = envelope.message.properties
            let hasId = props._flags & amqp_flags_t(AMQP_BASIC_MESSAGE_ID_FLAG) != 0
            let hasHeaders = props._flags & amqp_flags_t(AMQP_BASIC_HEADERS_FLAG) != 0
            return Delivery(
                deliveryTag: envelope.delivery_tag,
                routingKey: envelope.routing_key.string,
                messageId: hasId ? props.message_id.string : nil,
                body: envelope.message.body.array,
                redelivered: envelope.redelivered != 0,
                deliveryCount: hasHeaders ? AMQPTableBuilder.integer("x-delivery-count", in: props.headers).map(Int.init) : nil)
        }
        if reply.reply_type == AMQP_RESPONSE_LIBRARY_EXCEPTION {
            if reply.library_error == AMQP_STATUS_TIMEOUT.rawValue { return nil }
            if reply.library_error == AMQP_STATUS_UNEXPECTED_STATE.rawValue {
                // Something other than a delivery is waiting: read it so a close is noticed.
                var frame = amqp_frame_t()
                let status = amqp_simple_wait_frame(state, &frame)
                guard status == AMQP_STATUS_OK.rawValue else { throw .library(status, during: "reading a frame") }
                _ = try interpret(frame)
                return nil
            }
        }
        throw AMQPError.from(reply: reply, during: "basic.consume") ?? .library(status: -1, text: "no delivery", during: "consume")
    }

    /// Sleeps until the broker sent something or `wake` became readable (a negative `wake`
    /// is ignored), for at most `timeout`.
    /// Returns at once when rabbitmq-c already holds bytes or frames it has not handed out.
    /// Over TLS the library may hold decrypted bytes that `poll` cannot see, so the sleep is
    /// kept short there.
    func waitForInput(orWake wake: Int32, timeout: TimeInterval) {
        if amqp_data_in_buffer(state) != 0 || amqp_frames_enqueued(state) != 0 { return }
        let limit = endpoint.useTLS ? min(timeout, 0.005) : timeout
        var descriptors = [
            pollfd(fd: amqp_get_sockfd(state), events: Int16(POLLIN), revents: 0),
            pollfd(fd: wake, events: Int16(POLLIN), revents: 0),
        ]
        _ = poll(&descriptors, nfds_t(descriptors.count), Int32((limit * 1000).rounded(.up)))
    }

    /// Takes one message from a queue without a consumer (basic.get, manual ack); nil when the
    /// queue is empty. The message stays unacked until `ack` or `reject`, or until the connection
    /// closes, when the broker puts it back.
    func get(queue: String) throws(AMQPError) -> FetchedMessage? {
        amqp_maybe_release_buffers(state)
        let reply = queue.withAMQPBytes { q in amqp_basic_get(state, Self.workChannel, q, 0) }
        if let error = AMQPError.from(reply: reply, during: "basic.get \(queue)") { throw error }
        guard reply.reply.id == AMQP_BASIC_GET_OK_METHOD else { return nil }
        let ok = reply.reply.decoded.assumingMemoryBound(to: amqp_basic_get_ok_t.self).pointee
        var message = amqp_message_t()
        let read = amqp_read_message(state, Self.workChannel, &message, 0)
        if let error = AMQPError.from(reply: read, during: "reading a fetched message") { throw error }
        defer { amqp_destroy_message(&message) }
        let props = message.properties
        func text(_ flag: Int32, _ value: amqp_bytes_t) -> String? {
            props._flags & amqp_flags_t(flag) != 0 ? value.string : nil
        }
        return FetchedMessage(
            deliveryTag: ok.delivery_tag,
            routingKey: ok.routing_key.string,
            messageId: text(AMQP_BASIC_MESSAGE_ID_FLAG, props.message_id),
            type: text(AMQP_BASIC_TYPE_FLAG, props.type),
            appId: text(AMQP_BASIC_APP_ID_FLAG, props.app_id),
            timestamp: props._flags & amqp_flags_t(AMQP_BASIC_TIMESTAMP_FLAG) != 0
                ? Date(timeIntervalSince1970: TimeInterval(props.timestamp)) : nil,
            body: message.body.array,
            redelivered: ok.redelivered != 0)
    }

    func ack(_ tag: UInt64, multiple: Bool) throws(AMQPError) {
        let status = amqp_basic_ack(state, Self.workChannel, tag, multiple ? 1 : 0)
        guard status == AMQP_STATUS_OK.rawValue else { throw .library(status, during: "basic.ack") }
    }

    func reject(_ tag: UInt64, requeue: Bool) throws(AMQPError) {
        let status = amqp_basic_reject(state, Self.workChannel, tag, requeue ? 1 : 0)
        guard status == AMQP_STATUS_OK.rawValue else { throw .library(status, during: "basic.reject") }
    }

    /// Gives up on a connection that failed: dropping it then skips the close handshake, which
    /// on a dead peer would only wait for a timeout.
    func abandon() {
        open = false
    }

    /// Closes cleanly: the broker requeues anything unacknowledged at once.
    func close() {
        guard open else { return }
        open = false
        _ = amqp_channel_close(state, Self.workChannel, Int32(AMQP_REPLY_SUCCESS))
        _ = amqp_connection_close(state, Int32(AMQP_REPLY_SUCCESS))
    }
}

extension timeval {
    init(seconds: TimeInterval) {
        let whole = max(0, seconds.rounded(.down))
        self.init(tv_sec: Int(whole), tv_usec: Int((max(0, seconds) - whole) * 1_000_000))
    }
}
