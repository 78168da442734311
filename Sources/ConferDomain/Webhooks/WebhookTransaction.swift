import Foundation

/// What a use case's transaction reads and writes of webhooks.
public protocol WebhookTransaction: Sendable {
    func webhook(_ id: UUID, conferenceId: UUID, lock: RowLock) async throws -> Webhook?
    func insertWebhook(_ webhook: Webhook) async throws
    /// Stores a changed webhook at its next version.
    func updateWebhook(_ webhook: Webhook) async throws -> Webhook
    /// Deletes it with its deliveries; false when there was none.
    func deleteWebhook(_ id: UUID, conferenceId: UUID) async throws -> Bool
    /// Puts a delivery back in the queue for an attempt now, with a fresh retry schedule; nil when there is none.
    func redeliver(_ deliveryId: UUID, webhookId: UUID, now: Date) async throws -> WebhookDelivery?
}
