import Foundation

/// Reads of conferences, outside any transaction.
public protocol ConferenceRepository: Sendable {
    /// The conference with this slug.
    func find(slug: String) async throws -> Conference?
    /// The conference with this slug and the roles `accountId` holds in it, in one statement.
    func find(slug: String, rolesOf accountId: UUID) async throws -> (Conference, Set<Role>)?
    /// The conferences with these ids, in no particular order.
    func conferences(ids: [UUID]) async throws -> [Conference]
    /// Conferences, soonest first.
    func list(_ page: PageRequest) async throws -> Page<Conference>
    /// The roles of an account in a conference (empty for none).
    func roles(conferenceId: UUID, accountId: UUID) async throws -> Set<Role>
}
