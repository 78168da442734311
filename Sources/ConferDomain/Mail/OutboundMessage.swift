import Foundation

/// A message to one person, queued in the outbox.
public struct OutboundMessage: Sendable, Equatable {
    public var kind: String
    public var submissionId: UUID?
    public var recipient: String
    public var recipientName: String?
    public var language: String
    public var subject: String
    public var body: String

    public init(
        kind: String, submissionId: UUID?, recipient: String, recipientName: String?, language: String, subject: String,
        body: String
    ) {
        self.kind = kind
        self.submissionId = submissionId
        self.recipient = recipient
        self.recipientName = recipientName
        self.language = language
        self.subject = subject
        self.body = body
    }
}
