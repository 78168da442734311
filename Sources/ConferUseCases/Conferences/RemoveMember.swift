import ConferDomain
import Foundation

/// Organizers remove an account from the committee, never the last organizer.
public struct RemoveMember: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(_ accountId: UUID, in conference: Conference, by access: ConferenceAccess) async throws {
        try access.requireOrganizer()
        try await context.store.transaction { tx in
            let organizers = try await MemberSteps.lockedOrganizers(conference, tx)
            guard try await tx.member(conferenceId: conference.id, accountId: accountId) != nil else {
                throw DomainError.notFound("Account \(accountId.uuidString.lowercased()) is not a member of this conference.")
            }
            guard MemberRules.keepsAnOrganizer(organizers: organizers, accountId: accountId, newRoles: nil) else {
                throw MemberRules.lastOrganizer
            }
            try await tx.deleteMember(conferenceId: conference.id, accountId: accountId)
        }
    }
}
