import Foundation

/// Where outbox messages go: an SMTP server, a folder of `.eml` files, or the log.
public protocol MessageTransport: Sendable {
    /// Sends a batch in order (over one connection where the transport has one); one outcome per message.
    func send(_ messages: [OutboxMessage]) async -> [MailOutcome]
}

/// What became of one message handed to a transport.
public enum MailOutcome: Sendable, Equatable {
    case sent
    /// Not taken now (a 4xx reply, a dropped connection, a timeout): tried again after the outbox's backoff.
    case deferred(String)
    /// Refused for good (a 5xx reply): failed at once, the reply kept for organizers to read.
    case rejected(String)
}
