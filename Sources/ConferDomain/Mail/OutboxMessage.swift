import Foundation

/// A message in the outbox, with its delivery state.
public struct OutboxMessage: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable { case queued, sent, failed }

    public var id: UUID
    public var conferenceId: UUID
    public var message: OutboundMessage
    public var status: Status
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastError: String?
    public var createdAt: Date
    public var sentAt: Date?
    /// The conference's sender and reply address, read when the message is claimed for sending (so a change
    /// applies to what is still queued); nil where the server's `MAIL_FROM` and `MAIL_REPLY_TO` apply.
    public var from: MailAddress?
    public var replyTo: MailAddress?

    public init(
        id: UUID, conferenceId: UUID, message: OutboundMessage, status: Status, attempts: Int, nextAttemptAt: Date,
        lastError: String?, createdAt: Date, sentAt: Date?, from: MailAddress? = nil, replyTo: MailAddress? = nil
    ) {
        self.id = id
        self.conferenceId = conferenceId
        self.message = message
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.createdAt = createdAt
        self.sentAt = sentAt
        self.from = from
        self.replyTo = replyTo
    }
}
