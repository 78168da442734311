import ConferDomain
import Foundation

/// Organizers rename a room or change its capacity.
public struct ChangeRoom: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(_ id: UUID, _ patch: RoomPatch, ifMatch: String?, in conference: Conference, by access: ConferenceAccess) async throws -> Room {
        try access.requireOrganizer()
        return try await context.store.transaction { tx in
            guard let current = try await tx.room(id, conferenceId: conference.id, lock: .forUpdate) else {
                throw ProgramRules.roomNotFound(id)
            }
            try ETag.check(ifMatch: ifMatch, version: current.version)
            return try await tx.updateRoom(try ProgramRules.apply(patch, to: current))
        }
    }
}
