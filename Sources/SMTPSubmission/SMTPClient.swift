import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// One message to submit: the envelope and the message itself (CRLF line ends; the client dot-stuffs it).
public struct SMTPMessage: Sendable, Equatable {
    public var sender: String
    public var recipients: [String]
    public var data: String

    public init(sender: String, recipients: [String], data: String) {
        self.sender = sender
        self.recipients = recipients
        self.data = data
    }
}

/// What became of one message.
public enum SMTPOutcome: Sendable, Equatable {
    case sent
    /// A 4xx reply, a dropped connection or a timeout: worth trying again later.
    case transient(String)
    /// A 5xx reply to this message: it will never be taken as it is.
    case permanent(String)
}

/// A mail submission client (RFC 6409 over RFC 5321): STARTTLS or implicit TLS, AUTH PLAIN or LOGIN, a timeout on
/// connecting and on every reply, and one connection for a whole batch. It has one job and knows nothing of Confer.
public struct SMTPClient: Sendable {
    public let configuration: SMTPConfiguration
    let group: any EventLoopGroup

    public init(configuration: SMTPConfiguration, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.configuration = configuration
        self.group = group
    }

    /// Submits the messages in order over one connection. A failure of the session (connection, TLS,
    /// authentication, a timeout) leaves the message in hand and all after it `transient`.
    public func send(_ messages: [SMTPMessage]) async -> [SMTPOutcome] {
        guard !messages.isEmpty else { return [] }
        var outcomes: [SMTPOutcome] = []
        do {
            let session = try await SMTPSession.open(configuration, group: group)
            do {
                for message in messages {
                    outcomes.append(try await session.submit(message))
                }
                try? await session.quit()
            } catch {
                session.close()
                throw error
            }
        } catch {
            outcomes += Array(repeating: .transient(String(describing: error)), count: messages.count - outcomes.count)
        }
        return outcomes
    }
}

/// One connection to the server, greeted, secured and authenticated.
struct SMTPSession {
    let channel: any Channel
    let configuration: SMTPConfiguration

    static func open(_ configuration: SMTPConfiguration, group: any EventLoopGroup) async throws -> SMTPSession {
        let tls = configuration.security == .none ? nil : try tlsContext(configuration)
        let host = configuration.host
        let implicit = configuration.security == .implicitTLS
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(.init(configuration.connectTimeout))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if implicit, let tls {
                        try channel.pipeline.syncOperations.addHandler(try Self.tlsHandler(tls, host: host))
                    }
                    try channel.pipeline.syncOperations.addHandler(SMTPReplyDecoder())
                }
            }
            .connect(host: configuration.host, port: configuration.port).get()
        let session = SMTPSession(channel: channel, configuration: configuration)
        do {
            try await session.expect(220, after: "connecting")
            var features = try await session.hello()
            if configuration.security == .startTLS, let tls {
                guard features.contains(where: { $0.uppercased() == "STARTTLS" }) else { throw SMTPError.startTLSNotOffered }
                try await session.command("STARTTLS", expect: 220)
                try await channel.eventLoop.submit {
                    try channel.pipeline.syncOperations.addHandler(try Self.tlsHandler(tls, host: host), position: .first)
                }.get()
                // What the server offered in the clear does not count (RFC 3207 §4.2).
                features = try await session.hello()
            }
            if let username = configuration.username, let password = configuration.password {
                try await session.authenticate(username, password, offered: features)
            }
        } catch {
            session.close()
            throw error
        }
        return session
    }

    private static func tlsContext(_ configuration: SMTPConfiguration) throws -> NIOSSLContext {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let file = configuration.trustedCertificatesFile {
            tls.trustRoots = .file(file)
        }
        return try NIOSSLContext(configuration: tls)
    }

    private static func tlsHandler(_ context: NIOSSLContext, host: String) throws -> NIOSSLClientHandler {
        // An IP address cannot be sent as SNI; the certificate is then checked against the address itself.
        let isAddress = (try? SocketAddress(ipAddress: host, port: 0)) != nil
        return try NIOSSLClientHandler(context: context, serverHostname: isAddress ? nil : host)
    }

    // MARK: The conversation

    /// `EHLO`: the extensions the server offers, one per line after the greeting line.
    private func hello() async throws -> [String] {
        let reply = try await command("EHLO \(configuration.heloName)", expect: 250)
        return reply.lines.dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
    }

    private func authenticate(_ username: String, _ password: String, offered features: [String]) async throws {
        let methods = Set(features.filter { $0.uppercased().hasPrefix("AUTH") }
            .flatMap { $0.uppercased().split(whereSeparator: { $0 == " " || $0 == "=" }).dropFirst().map(String.init) })
        if methods.contains("PLAIN") {
            let token = Data(([0] + Array(username.utf8) + [0] + Array(password.utf8))).base64EncodedString()
            try await command("AUTH PLAIN \(token)", expect: 235, shown: "AUTH PLAIN")
        } else if methods.contains("LOGIN") {
            try await command("AUTH LOGIN", expect: 334)
            try await command(Data(username.utf8).base64EncodedString(), expect: 334, shown: "AUTH LOGIN user name")
            try await command(Data(password.utf8).base64EncodedString(), expect: 235, shown: "AUTH LOGIN password")
        } else {
            throw SMTPError.noUsableAuthentication
        }
    }

    /// One message: `MAIL FROM`, `RCPT TO` for each recipient, `DATA`. A refusal ends this message (and resets the
    /// transaction for the next one); only a broken session throws.
    func submit(_ message: SMTPMessage) async throws -> SMTPOutcome {
        let steps = ["MAIL FROM:<\(message.sender)>"] + message.recipients.map { "RCPT TO:<\($0)>" } + ["DATA"]
        for step in steps {
            let reply = try await send(step)
            let expected = step == "DATA" ? 354 : 250
            guard reply.code == expected || (step.hasPrefix("RCPT") && reply.code == 251) else {
                try await command("RSET", expect: 250)
                return outcome(of: reply, to: step)
            }
        }
        try await write(Self.dotStuffed(message.data))
        let reply = try await reply(waitingFor: "the end of DATA")
        return reply.code == 250 ? .sent : outcome(of: reply, to: "DATA")
    }

    /// A refusal as organizers read it: `550 5.1.1 No such user (RCPT TO:<a@b.org>)`.
    private func outcome(of reply: SMTPReply, to command: String) -> SMTPOutcome {
        let text = "\(reply) (\(command))"
        return (500..<600).contains(reply.code) ? .permanent(text) : .transient(text)
    }

    func quit() async throws {
        _ = try await send("QUIT")
        close()
    }

    func close() {
        channel.close(promise: nil)
    }

    /// The message's lines with a dot doubled where one starts a line (RFC 5321 §4.5.2), and the final `.` line.
    static func dotStuffed(_ data: String) -> String {
        let normalized = data.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var lines = normalized.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasPrefix(".") ? "." + $0 : String($0) }
        if lines.last == "" { lines.removeLast() }
        return lines.map { $0 + "\r\n" }.joined() + ".\r\n"
    }

    // MARK: Lines on the wire

    @discardableResult
    private func command(_ line: String, expect code: Int, shown: String? = nil) async throws -> SMTPReply {
        let reply = try await send(line, shown: shown)
        guard reply.code == code else { throw SMTPError.unexpected(command: shown ?? line, reply) }
        return reply
    }

    private func expect(_ code: Int, after what: String) async throws {
        let reply = try await reply(waitingFor: what)
        guard reply.code == code else { throw SMTPError.unexpected(command: what, reply) }
    }

    private func send(_ line: String, shown: String? = nil) async throws -> SMTPReply {
        try await write(line + "\r\n")
        return try await reply(waitingFor: shown ?? String(line.prefix(40)))
    }

    private func write(_ text: String) async throws {
        try await channel.writeAndFlush(ByteBuffer(string: text)).get()
    }

    /// The next reply, or a timeout after `replyTimeout`; secrets never reach `waitingFor`.
    private func reply(waitingFor what: String) async throws -> SMTPReply {
        let channel = channel
        let promise = channel.eventLoop.makePromise(of: SMTPReply.self)
        channel.eventLoop.execute {
            do {
                try channel.pipeline.syncOperations.handler(type: SMTPReplyDecoder.self).expect(promise)
            } catch {
                promise.fail(error)
            }
        }
        let timeout = channel.eventLoop.scheduleTask(in: .init(configuration.replyTimeout)) {
            promise.fail(SMTPError.timeout(what))
        }
        defer { timeout.cancel() }
        return try await promise.futureResult.get()
    }
}
