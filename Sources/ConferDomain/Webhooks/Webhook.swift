import Foundation

/// An organizer-registered endpoint that receives a conference's events, signed per Standard Webhooks.
public struct Webhook: Sendable, Equatable {
    public var id: UUID
    public var conferenceId: UUID
    /// The target, checked by `WebhookRules.checkTarget` when set.
    public var url: String
    /// Distinct, in `WebhookEventType.allCases` order, so equal subscriptions compare and print alike.
    public var events: [WebhookEventType]
    public var description: String?
    /// An inactive webhook keeps its settings but receives nothing.
    public var active: Bool
    /// Standard Webhooks secret, "whsec_" + base64 of 32 random bytes; needed in clear to sign, so it is stored as is.
    public var secret: String
    public var createdBy: UUID
    public var createdAt: Date
    public var updatedAt: Date
    public var version: Int

    public init(
        id: UUID, conferenceId: UUID, url: String, events: [WebhookEventType], description: String?, active: Bool,
        secret: String, createdBy: UUID, createdAt: Date, updatedAt: Date, version: Int
    ) {
        self.id = id
        self.conferenceId = conferenceId
        self.url = url
        self.events = events
        self.description = description
        self.active = active
        self.secret = secret
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }
}

/// A create or update request for a webhook; nil means "not given" (unchanged on update).
public struct WebhookInput: Sendable, Equatable {
    public var url: String?
    /// Raw names rather than `WebhookEventType`, so an unknown name becomes a field issue (`events[3]`)
    /// instead of a decoding failure of the whole body.
    public var events: [String]?
    /// `.some(nil)` clears the description on update.
    public var description: String??
    public var active: Bool?
    /// Only on create; an update refuses it, since rotation is its own operation.
    public var secret: String?
    /// The fields a merge patch set to `null` (JSON paths): each is cleared, or refused when it cannot be.
    public var cleared: Set<String> = []

    public init() {}
}
