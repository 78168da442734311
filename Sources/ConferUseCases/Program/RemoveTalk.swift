import ConferDomain
import Foundation

/// Organizers take a talk out of its session.
public struct RemoveTalk: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(_ talkId: UUID, inSession sessionId: UUID, in conference: Conference, by access: ConferenceAccess) async throws {
        try access.requireOrganizer()
        try await context.store.transaction { tx in
            guard try await tx.deleteTalk(talkId, sessionId: sessionId, conferenceId: conference.id) else {
                throw DomainError.notFound("There is no talk \(talkId.uuidString.lowercased()) in this session.")
            }
        }
    }
}
