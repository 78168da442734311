/// One reply of the server: its code and its text lines.
public struct SMTPReply: Sendable, Equatable, CustomStringConvertible {
    public var code: Int
    public var lines: [String]

    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    public var isPositive: Bool { (200..<400).contains(code) }
    /// 4xx: try again later.
    public var isTransient: Bool { (400..<500).contains(code) }

    /// `550 5.1.1 No such user`, as organizers read it in the outbox.
    public var description: String { "\(code) " + lines.joined(separator: " ") }
}

/// Why a session with the server could not go on.
public enum SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    case timeout(String)
    case connectionClosed
    case malformedReply(String)
    /// An answer the session cannot go on after (a refused STARTTLS or AUTH, say).
    case unexpected(command: String, SMTPReply)
    case startTLSNotOffered
    case noUsableAuthentication

    public var description: String {
        switch self {
        case .timeout(let waitingFor): "the SMTP server did not answer in time (\(waitingFor))"
        case .connectionClosed: "the SMTP server closed the connection"
        case .malformedReply(let line): "the SMTP server sent a line that is not a reply: \(line.prefix(100))"
        case .unexpected(let command, let reply): "the SMTP server answered \(command) with \(reply)"
        case .startTLSNotOffered: "the SMTP server does not offer STARTTLS (add ?starttls=off to SMTP_URL to send in the clear)"
        case .noUsableAuthentication: "the SMTP server offers neither AUTH PLAIN nor AUTH LOGIN"
        }
    }
}
