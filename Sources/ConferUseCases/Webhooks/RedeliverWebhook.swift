import ConferDomain
import Foundation

/// Organizers queue a delivery again, for an attempt now with a fresh retry schedule.
public struct RedeliverWebhook: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(_ deliveryId: UUID, of webhookId: UUID, in conference: Conference, by access: ConferenceAccess) async throws -> WebhookDelivery {
        try access.requireOrganizer()
        let now = context.now
        return try await context.store.transaction { tx in
            guard try await tx.webhook(webhookId, conferenceId: conference.id, lock: .none) != nil else {
                throw WebhookRules.notFound(webhookId)
            }
            guard let delivery = try await tx.redeliver(deliveryId, webhookId: webhookId, now: now) else {
                throw DomainError.notFound("There is no delivery \(deliveryId.uuidString.lowercased()) of this webhook.")
            }
            return delivery
        }
    }
}
