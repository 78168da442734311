import ConferDomain
import Foundation

/// Organizers change a webhook (not its secret), or rotate its secret, shown this once.
public struct ChangeWebhook: Sendable {
    /// What changes.
    public enum Change: Sendable {
        case fields(WebhookInput, ifMatch: String?)
        case rotateSecret
    }

    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(_ id: UUID, _ change: Change, in conference: Conference, by access: ConferenceAccess) async throws -> Webhook {
        try access.requireOrganizer()
        let now = context.now
        let allowPrivate = context.allowPrivateWebhookTargets
        return try await context.store.transaction { tx in
            guard let current = try await tx.webhook(id, conferenceId: conference.id, lock: .forUpdate) else {
                throw WebhookRules.notFound(id)
            }
            let next = switch change {
            case .fields(let input, let ifMatch):
                try { () throws(DomainError) -> Webhook in
                    try ETag.check(ifMatch: ifMatch, version: current.version)
                    return try WebhookRules.apply(input, to: current, now: now, allowPrivateTargets: allowPrivate)
                }()
            case .rotateSecret:
                WebhookRules.rotate(current, newSecret: WebhookSecret.generate(), now: now)
            }
            return try await tx.updateWebhook(next)
        }
    }
}
