import Foundation
import NIOCore
import NIOPosix

/// Sends one e-mail per connection over plain SMTP (RFC 5321) on SwiftNIO: EHLO, optional AUTH
/// PLAIN, MAIL FROM, RCPT TO, DATA, QUIT. The body is UTF-8 in base64 and the subject an RFC 2047
/// encoded word, so Chinese text passes any server and no line needs dot-stuffing. The delivery
/// id is the `Message-ID`, so a mail resent after a crash can be recognised as the same one.
struct SMTPMailer: Sendable {
    let endpoint: SMTPEndpoint
    let from: String
    let timeout: TimeAmount

    init(endpoint: SMTPEndpoint, from: String, timeout: TimeAmount = .seconds(15)) {
        self.endpoint = endpoint
        self.from = from
        self.timeout = timeout
    }

    /// An SMTP reply: its code and text lines.
    struct Reply: Sendable {
        var code: Int
        var text: String
    }

    struct Failure: Error {
        var reply: Reply?
        var message: String
    }

    func send(to address: String, subject: String, body: String, messageId: String, date: Date) async -> SendOutcome {
        guard Self.isSafeAddress(address), Self.isSafeAddress(from) else {
            return .permanent("not a usable e-mail address")
        }
        do {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(timeout)
                .connect(host: endpoint.host, port: endpoint.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
            let message = Self.message(from: from, to: address, subject: subject, body: body, messageId: messageId, date: date)
            // A server that stops answering, or a stop of the service, closes the connection, which
            // ends the exchange: nothing waits forever.
            let deadline = channel.channel.eventLoop.scheduleTask(in: timeout) { channel.channel.close(promise: nil) }
            defer { deadline.cancel() }
            try await withTaskCancellationHandler {
                try await channel.executeThenClose { inbound, outbound in
                    var reader = ReplyReader(iterator: inbound.makeAsyncIterator())
                    func command(_ line: String?, expect: ClosedRange<Int>) async throws {
                        if let line { try await outbound.write(ByteBuffer(string: line + "\r\n")) }
                        let reply = try await reader.next()
                        guard expect.contains(reply.code) else {
                            throw Failure(reply: reply, message: "\(line.map { String($0.prefix(4)) } ?? "greeting") answered \(reply.code) \(reply.text)")
                        }
                    }
                    try await command(nil, expect: 220...220)
                    try await command("EHLO shouhu-notification", expect: 250...250)
                    if let user = endpoint.username {
                        let token = Data(([0] + Array(user.utf8) + [0] + Array((endpoint.password ?? "").utf8))).base64EncodedString()
                        try await command("AUTH PLAIN \(token)", expect: 235...235)
                    }
                    try await command("MAIL FROM:<\(from)>", expect: 250...250)
                    try await command("RCPT TO:<\(address)>", expect: 250...251)
                    try await command("DATA", expect: 354...354)
                    try await outbound.write(ByteBuffer(string: message + ".\r\n"))
                    try await command(nil, expect: 250...250)
                    try? await outbound.write(ByteBuffer(string: "QUIT\r\n"))
                }
            } onCancel: {
                channel.channel.close(promise: nil)
            }
            return .sent(reference: messageId)
        } catch let failure as Failure {
            // 5xx is a refusal for good; 4xx and anything odd are worth another try.
            if let reply = failure.reply, (500..<600).contains(reply.code) { return .permanent(failure.message) }
            return .temporary(failure.message)
        } catch {
            return .temporary("mail server unreachable: \(error)")
        }
    }

    /// An address with no spaces, line breaks or angle brackets (nothing that could inject an
    /// SMTP command or a header), and one `@`.
    static func isSafeAddress(_ address: String) -> Bool {
        let forbidden = CharacterSet(charactersIn: "<>\r\n \t,;\"")
        return address.unicodeScalars.allSatisfy { !forbidden.contains($0) } && address.split(separator: "@").count == 2
    }

    /// The message as sent after DATA, ending in CRLF.
    static func message(from: String, to: String, subject: String, body: String, messageId: String, date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let encodedBody = Data(body.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let headers = [
            "From: <\(from)>",
            "To: <\(to)>",
            "Subject: =?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?=",
            "Date: \(formatter.string(from: date))",
            "Message-ID: <\(messageId)@shouhu>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: base64",
        ]
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + encodedBody + "\r\n"
    }

    /// Reads SMTP replies (`250-…` continuation lines up to `250 …`) from the byte stream.
    struct ReplyReader {
        var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
        var pending = ByteBuffer()

        mutating func line() async throws -> String {
            while true {
                if let index = pending.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) {
                    let length = index - pending.readerIndex + 1
                    let raw = pending.readString(length: length) ?? ""
                    return raw.trimmingCharacters(in: .newlines)
                }
                guard var more = try await iterator.next() else { throw Failure(reply: nil, message: "the server closed the connection") }
                pending.writeBuffer(&more)
                if pending.readableBytes > 64 * 1024 { throw Failure(reply: nil, message: "reply line too long") }
            }
        }

        mutating func next() async throws -> Reply {
            var texts: [String] = []
            while true {
                let line = try await line()
                guard line.count >= 3, let code = Int(line.prefix(3)) else {
                    throw Failure(reply: nil, message: "not an SMTP reply: \(line.prefix(80))")
                }
                texts.append(String(line.dropFirst(4)))
                if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] == " " {
                    return Reply(code: code, text: texts.joined(separator: " "))
                }
            }
        }
    }
}
