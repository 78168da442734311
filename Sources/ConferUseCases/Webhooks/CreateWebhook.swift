import ConferDomain
import Foundation

/// Organizers register a webhook; its secret is shown this once.
public struct CreateWebhook: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(_ input: WebhookInput, in conference: Conference, by access: ConferenceAccess) async throws -> Webhook {
        let organizer = try access.requireOrganizer()
        let webhook = try WebhookRules.create(
            input, id: UUID(), conferenceId: conference.id, createdBy: organizer.accountId,
            generatedSecret: WebhookSecret.generate(), now: context.now, allowPrivateTargets: context.allowPrivateWebhookTargets)
        try await context.store.transaction { tx in try await tx.insertWebhook(webhook) }
        return webhook
    }
}
