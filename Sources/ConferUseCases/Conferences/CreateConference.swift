import ConferDomain
import Foundation

/// The platform admin creates a conference and becomes its first organizer.
public struct CreateConference: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(_ input: ConferenceInput, by caller: Caller?) async throws -> Conference {
        let admin = try AccountRules.requireAdmin(caller)
        let now = context.now
        let draft = try ConferenceRules.create(input, id: UUID(), now: now)
        return try await context.store.transaction { tx in
            let conference = try await tx.insertConference(draft)
            _ = try await tx.upsertMember(conferenceId: conference.id, accountId: admin.accountId, roles: [.organizer], topicIds: nil, now: now)
            return conference
        }
    }
}
