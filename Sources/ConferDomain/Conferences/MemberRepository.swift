import Foundation

/// Reads of committee memberships, outside any transaction.
public protocol MemberRepository: Sendable {
    /// One membership.
    func find(conferenceId: UUID, accountId: UUID) async throws -> Member?
    /// Members in the order they joined, optionally only those holding `role`.
    func list(conferenceId: UUID, role: Role?, page: PageRequest) async throws -> Page<Member>
}
