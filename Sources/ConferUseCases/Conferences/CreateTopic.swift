import ConferDomain
import Foundation

/// Organizers add a work area or topic that proposals may link to.
public struct CreateTopic: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(
        title: String, description: String?, kind: TopicKind, translations: Translations?, in conference: Conference,
        by access: ConferenceAccess
    ) async throws -> Topic {
        try access.requireOrganizer()
        let draft = try TopicRules.create(
            title: title, description: description, kind: kind, translations: translations, conference: conference,
            id: UUID(), now: context.now)
        return try await context.store.transaction { tx in try await tx.insertTopic(draft) }
    }
}
