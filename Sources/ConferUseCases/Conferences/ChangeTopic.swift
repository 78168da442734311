import ConferDomain
import Foundation

/// Organizers change a work area or topic.
public struct ChangeTopic: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(_ id: UUID, _ patch: TopicPatch, ifMatch: String?, in conference: Conference, by access: ConferenceAccess) async throws -> Topic {
        try access.requireOrganizer()
        let now = context.now
        return try await context.store.transaction { tx in
            guard try await tx.conference(conference.id, lock: .forUpdate) != nil,
                  let current = try await tx.topic(id, conferenceId: conference.id)
            else { throw TopicRules.notFound(id) }
            try ETag.check(ifMatch: ifMatch, version: current.version)
            return try await tx.updateTopic(try TopicRules.apply(patch, to: current, conference: conference, now: now))
        }
    }
}
