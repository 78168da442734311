import Foundation

/// The pending deliveries as the delivery worker sees them. Any number of workers share them: a claim leases each
/// delivery it returns (`FOR UPDATE SKIP LOCKED`, then committed), so no lock is held while receivers answer, and a
/// delivery whose worker died mid-send is tried again once its lease runs out.
public protocol WebhookQueue: Sendable {
    /// Up to `limit` deliveries due at `now`, each counted as attempted and kept from other workers until `leaseUntil`.
    func claim(dueAt now: Date, limit: Int, leaseUntil: Date) async throws -> [ClaimedDelivery]
    /// Logs an attempt and where the delivery now stands.
    func record(_ attempt: WebhookAttempt, of deliveryId: UUID, status: WebhookDeliveryStatus, nextAttemptAt: Date?) async throws
}

/// A delivery a worker claimed: the request to make, in the order its webhook's events happened.
public struct ClaimedDelivery: Sendable, Equatable {
    public var webhookId: UUID
    /// Orders a webhook's deliveries as their events happened.
    public var sequence: Int64
    /// Attempts made so far, this one included.
    public var attempts: Int
    public var request: WebhookRequest

    public init(webhookId: UUID, sequence: Int64, attempts: Int, request: WebhookRequest) {
        self.webhookId = webhookId
        self.sequence = sequence
        self.attempts = attempts
        self.request = request
    }
}
