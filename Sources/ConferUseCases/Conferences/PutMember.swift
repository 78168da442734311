import ConferDomain
import Foundation

/// Organizers give an account its roles on the committee (creating the membership or replacing its roles); the
/// conference always keeps an organizer.
public struct PutMember: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(
        _ accountId: UUID, roles: [Role], topicIds: [UUID]?, in conference: Conference, by access: ConferenceAccess
    ) async throws -> (member: Member, created: Bool) {
        try access.requireOrganizer()
        let roles = try MemberRules.validate(roles: roles)
        let now = context.now
        return try await context.store.transaction { tx in
            if let topicIds, !topicIds.isEmpty {
                let known = Set(try await tx.topics(conferenceId: conference.id).map(\.id))
                guard Set(topicIds).isSubset(of: known) else {
                    throw DomainError.invalid("topicIds", "names a topic that is not a work area or topic of this conference")
                }
            }
            let organizers = try await MemberSteps.lockedOrganizers(conference, tx)
            guard try await tx.account(accountId) != nil else {
                throw DomainError.notFound("No account has the id \(accountId.uuidString.lowercased()).")
            }
            guard MemberRules.keepsAnOrganizer(organizers: organizers, accountId: accountId, newRoles: roles) else {
                throw MemberRules.lastOrganizer
            }
            return try await tx.upsertMember(conferenceId: conference.id, accountId: accountId, roles: roles, topicIds: topicIds, now: now)
        }
    }
}

/// Reads the committee use cases share.
enum MemberSteps {
    /// Locks the conference, so that concurrent committee changes see each other's organizers, and returns them.
    static func lockedOrganizers(_ conference: Conference, _ tx: any Transaction) async throws -> Set<UUID> {
        guard try await tx.conference(conference.id, lock: .forUpdate) != nil else { throw DomainError.notFound("No such conference.") }
        return try await tx.organizers(conferenceId: conference.id)
    }
}
