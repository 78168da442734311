import ConferDomain
import Foundation

/// Organizers delete a webhook with its delivery log.
public struct DeleteWebhook: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(_ id: UUID, in conference: Conference, by access: ConferenceAccess) async throws {
        try access.requireOrganizer()
        try await context.store.transaction { tx in
            guard try await tx.deleteWebhook(id, conferenceId: conference.id) else { throw WebhookRules.notFound(id) }
        }
    }
}
