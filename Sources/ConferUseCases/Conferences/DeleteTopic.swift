import ConferDomain
import Foundation

/// Organizers delete a work area or topic that no proposal links to and no session is about; reviewers who had
/// declared it lose it from their topics.
public struct DeleteTopic: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(_ id: UUID, in conference: Conference, by access: ConferenceAccess) async throws {
        try access.requireOrganizer()
        try await context.store.transaction { tx in
            // The conference lock keeps proposals and sessions from taking the topic while it goes.
            guard try await tx.conference(conference.id, lock: .forUpdate) != nil,
                  try await tx.topic(id, conferenceId: conference.id) != nil
            else { throw TopicRules.notFound(id) }
            let usage = try await tx.topicUsage(id)
            try TopicRules.checkDeletable(proposals: usage.proposals, sessions: usage.sessions)
            try await tx.removeDeclaredTopic(id, conferenceId: conference.id)
            try await tx.deleteTopic(id, conferenceId: conference.id)
        }
    }
}
