import Foundation

/// What the transaction of a use case queues: mail, and webhook events.
public protocol OutboxTransaction: Sendable {
    /// Queues a message, sent once the transaction commits (and never if it does not).
    func enqueue(_ message: OutboundMessage, conferenceId: UUID, at: Date) async throws
    /// Records a webhook event and one pending delivery per active webhook subscribed to it.
    func emit(_ event: WebhookEvent) async throws
}
