import Foundation

/// Reads of a conference's webhooks and their deliveries, outside any transaction.
public protocol WebhookRepository: Sendable {
    func find(conferenceId: UUID, id: UUID) async throws -> Webhook?
    func list(conferenceId: UUID) async throws -> [Webhook]
    /// A page of its deliveries, newest first, each with its attempts.
    func deliveries(webhookId: UUID, status: WebhookDeliveryStatus?, page: PageRequest) async throws -> Page<WebhookDelivery>
}
