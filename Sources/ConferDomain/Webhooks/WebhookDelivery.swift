import Foundation

/// Where a delivery of one event to one webhook stands.
public enum WebhookDeliveryStatus: String, Sendable, CaseIterable {
    /// Waiting for its first or next attempt.
    case pending
    case succeeded
    /// Every attempt of the retry schedule failed; an organizer may redeliver it.
    case failed
}

/// One HTTP attempt to deliver an event, as the delivery log shows it.
public struct WebhookAttempt: Sendable, Equatable {
    public var at: Date
    /// The receiver's status code; nil when no response came (refused connection, timeout).
    public var statusCode: Int?
    public var durationMilliseconds: Int
    public var error: String?

    public init(at: Date, statusCode: Int?, durationMilliseconds: Int, error: String?) {
        self.at = at
        self.statusCode = statusCode
        self.durationMilliseconds = durationMilliseconds
        self.error = error
    }

    public var succeeded: Bool { statusCode.map { (200..<300).contains($0) } ?? false }
}

/// The delivery of one event to one webhook, with every attempt made.
public struct WebhookDelivery: Sendable, Equatable {
    public var id: UUID
    public var webhookId: UUID
    public var eventId: UUID
    public var eventType: WebhookEventType
    public var status: WebhookDeliveryStatus
    public var nextAttemptAt: Date?
    public var createdAt: Date
    public var deliveredAt: Date?
    /// The exact JSON body the receiver gets.
    public var body: String
    public var attempts: [WebhookAttempt]

    public init(
        id: UUID, webhookId: UUID, eventId: UUID, eventType: WebhookEventType, status: WebhookDeliveryStatus,
        nextAttemptAt: Date?, createdAt: Date, deliveredAt: Date?, body: String, attempts: [WebhookAttempt]
    ) {
        self.id = id
        self.webhookId = webhookId
        self.eventId = eventId
        self.eventType = eventType
        self.status = status
        self.nextAttemptAt = nextAttemptAt
        self.createdAt = createdAt
        self.deliveredAt = deliveredAt
        self.body = body
        self.attempts = attempts
    }
}

/// One signed POST the delivery worker makes.
public struct WebhookRequest: Sendable, Equatable {
    public var deliveryId: UUID
    public var url: String
    public var secret: String
    /// `Webhook-Id`: the event's id, the same on every retry so receivers can drop duplicates.
    public var messageId: String
    public var body: String

    public init(deliveryId: UUID, url: String, secret: String, messageId: String, body: String) {
        self.deliveryId = deliveryId
        self.url = url
        self.secret = secret
        self.messageId = messageId
        self.body = body
    }
}
