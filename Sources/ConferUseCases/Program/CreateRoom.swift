import ConferDomain
import Foundation

/// Organizers add a room of the venue.
public struct CreateRoom: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(name: String, capacity: Int, in conference: Conference, by access: ConferenceAccess) async throws -> Room {
        try access.requireOrganizer()
        let room = try ProgramRules.room(name: name, capacity: capacity, conferenceId: conference.id, id: UUID(), now: context.now)
        try await context.store.transaction { tx in try await tx.insertRoom(room) }
        return room
    }
}
