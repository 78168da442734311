import ConferDomain
import Foundation

/// Organizers delete a session, with its talks.
public struct DeleteSession: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(_ id: UUID, in conference: Conference, by access: ConferenceAccess) async throws {
        try access.requireOrganizer()
        try await context.store.transaction { tx in
            guard try await tx.deleteSession(id, conferenceId: conference.id) else {
                throw DomainError.notFound("There is no session \(id.uuidString.lowercased()) in this conference.")
            }
        }
    }
}
