import ConferDomain
import Foundation

/// Organizers delete a room that no session uses.
public struct DeleteRoom: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(_ id: UUID, in conference: Conference, by access: ConferenceAccess) async throws {
        try access.requireOrganizer()
        try await context.store.transaction { tx in
            try await ProgramSteps.lock(conference, tx)
            guard let room = try await tx.room(id, conferenceId: conference.id, lock: .none) else { throw ProgramRules.roomNotFound(id) }
            try ProgramRules.checkDeletable(room, sessions: try await tx.sessions(conferenceId: conference.id))
            try await tx.deleteRoom(id, conferenceId: conference.id)
        }
    }
}
